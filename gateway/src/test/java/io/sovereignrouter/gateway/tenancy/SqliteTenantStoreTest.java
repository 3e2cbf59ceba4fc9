package io.sovereignrouter.gateway.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sovereignrouter.gateway.storage.SqliteDatabase;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteTenantStoreTest {
  @TempDir Path dir;

  @Test
  void createTenant_duplicateName_rejected() {
    try (SqliteDatabase db = SqliteDatabase.open(dir.resolve("t.db"))) {
      SqliteTenantStore store = new SqliteTenantStore(db);
      store.createTenant("acme");
      assertThatThrownBy(() -> store.createTenant("acme"))
          .isInstanceOf(DuplicateTenantException.class);
    }
  }

  @Test
  void reopen_keepsTenantsAndKeys_andSchemaVersion() {
    String tenantId;
    try (SqliteDatabase db = SqliteDatabase.open(dir.resolve("t.db"))) {
      SqliteTenantStore store = new SqliteTenantStore(db);
      tenantId = store.createTenant("acme").id();
      store.addKey(tenantId, "abcdefghijkl", "hash");
    }
    try (SqliteDatabase db = SqliteDatabase.open(dir.resolve("t.db"))) {
      SqliteTenantStore store = new SqliteTenantStore(db);
      assertThat(store.tenants()).extracting(Tenant::name).containsExactly("acme");
      assertThat(store.key("abcdefghijkl"))
          .get()
          .extracting(TenantKey::tenantId)
          .isEqualTo(tenantId);
    }
  }

  @Test
  void authenticate_fullCycle_issueRevoke() {
    try (SqliteDatabase db = SqliteDatabase.open(dir.resolve("t.db"))) {
      SqliteTenantStore store = new SqliteTenantStore(db);
      KeyHasher hasher = new KeyHasher(new byte[32]);
      Tenant tenant = store.createTenant("acme");
      ApiKey key = new KeyIssuer(store, hasher).issue(tenant.id()).key();
      Authenticator auth = new Authenticator(store, hasher, Clock.systemUTC());

      assertThat(auth.authenticate(Optional.of("Bearer " + key.format())))
          .isInstanceOf(Authentication.Authenticated.class);
      assertThat(auth.authenticate(Optional.of("bearer   " + key.format() + "  ")))
          .isInstanceOf(Authentication.Authenticated.class);
      assertThat(auth.authenticate(Optional.empty()))
          .isEqualTo(new Authentication.Rejected(Authentication.RejectReason.MISSING));
      assertThat(auth.authenticate(Optional.of("Basic " + key.format())))
          .isEqualTo(new Authentication.Rejected(Authentication.RejectReason.MISSING));
      String wrongSecret =
          key.format().substring(0, key.format().length() - 1)
              + (key.format().endsWith("a") ? "b" : "a");
      assertThat(auth.authenticate(Optional.of("Bearer " + wrongSecret)))
          .isEqualTo(new Authentication.Rejected(Authentication.RejectReason.INVALID));

      assertThat(store.revokeKey(tenant.id(), key.keyId(), Instant.now().minusSeconds(1))).isTrue();
      assertThat(store.revokeKey(tenant.id(), key.keyId(), Instant.now())).isFalse();
      assertThat(auth.authenticate(Optional.of("Bearer " + key.format())))
          .isEqualTo(new Authentication.Rejected(Authentication.RejectReason.REVOKED));
    }
  }

  @Test
  void addKey_storesOnlyHash() {
    try (SqliteDatabase db = SqliteDatabase.open(dir.resolve("t.db"))) {
      SqliteTenantStore store = new SqliteTenantStore(db);
      KeyHasher hasher = new KeyHasher(new byte[32]);
      Tenant tenant = store.createTenant("acme");
      ApiKey key = new KeyIssuer(store, hasher).issue(tenant.id()).key();
      TenantKey stored = store.key(key.keyId()).orElseThrow();
      assertThat(stored.secretHash()).isEqualTo(hasher.hash(key)).doesNotContain(key.secret());
      assertThat(stored.toString()).doesNotContain(stored.secretHash());
    }
  }
}
