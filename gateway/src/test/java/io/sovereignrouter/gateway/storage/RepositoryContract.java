package io.sovereignrouter.gateway.storage;

import static io.sovereignrouter.gateway.storage.Await.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sovereignrouter.gateway.scan.LeakAction;
import io.sovereignrouter.gateway.spend.QuotaExceededException;
import io.sovereignrouter.gateway.spend.QuotaStatus;
import io.sovereignrouter.gateway.spend.Reservation;
import io.sovereignrouter.gateway.spend.UsageEvent;
import io.sovereignrouter.gateway.spend.UsageQuery;
import io.sovereignrouter.gateway.spend.UsageQuery.Dimension;
import io.sovereignrouter.gateway.spend.UsageRow;
import io.sovereignrouter.gateway.tenancy.ApiKey;
import io.sovereignrouter.gateway.tenancy.Authentication;
import io.sovereignrouter.gateway.tenancy.Authenticator;
import io.sovereignrouter.gateway.tenancy.DuplicateTenantException;
import io.sovereignrouter.gateway.tenancy.KeyHasher;
import io.sovereignrouter.gateway.tenancy.KeyIssuer;
import io.sovereignrouter.gateway.tenancy.KeyQuotaExceededException;
import io.sovereignrouter.gateway.tenancy.RateLimits;
import io.sovereignrouter.gateway.tenancy.SpendCap;
import io.sovereignrouter.gateway.tenancy.Tenant;
import io.sovereignrouter.gateway.tenancy.TenantKey;
import io.sovereignrouter.gateway.tenancy.TenantSettings;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The repository contract, run unchanged against every storage backend (SQLite and PostgreSQL
 * subclasses): tenants, keys, settings, suspension, spend holds and usage.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class RepositoryContract {
  protected Vertx vertx;
  private Stores stores;
  private final KeyHasher hasher = new KeyHasher(new byte[32]);

  /** Opens a fresh, empty backend. */
  protected abstract Stores open(Vertx vertx);

  @BeforeAll
  void startVertx() {
    vertx = Vertx.vertx();
  }

  @AfterAll
  void stopVertx() {
    vertx.close().toCompletionStage().toCompletableFuture().join();
  }

  @BeforeEach
  void openStores() {
    stores = open(vertx);
  }

  @AfterEach
  void closeStores() {
    stores.close();
  }

  private static String unique(String base) {
    return base + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private Tenant tenant(TenantSettings settings) {
    return await(stores.tenants().createTenant(unique("acme"), settings));
  }

  @Test
  void createTenant_duplicateName_rejected() {
    String name = unique("dup");
    await(stores.tenants().createTenant(name, TenantSettings.DEFAULT));
    assertThatThrownBy(() -> await(stores.tenants().createTenant(name, TenantSettings.DEFAULT)))
        .isInstanceOf(DuplicateTenantException.class);
  }

  @Test
  void settings_roundTrip_update_and_suspension() {
    TenantSettings settings =
        new TenantSettings(
            List.of("standard", "clinical-strict"),
            "clinical-strict",
            Optional.of(new SpendCap(12_500_000, SpendCap.Period.MONTH)),
            new RateLimits(
                OptionalLong.of(60),
                OptionalLong.of(10_000),
                OptionalLong.empty(),
                OptionalLong.of(500)),
            LeakAction.BLOCK,
            3);
    Tenant t = tenant(settings);
    assertThat(await(stores.tenants().tenant(t.id()))).contains(t);
    assertThat(await(stores.tenants().tenant(t.id())).orElseThrow().settings()).isEqualTo(settings);

    TenantSettings changed = settings.withLeakScanAction(LeakAction.LOG);
    assertThat(await(stores.tenants().updateSettings(t.id(), changed)).orElseThrow().settings())
        .isEqualTo(changed);
    assertThat(await(stores.tenants().updateSettings("tn_missing", changed))).isEmpty();

    Instant since = Instant.ofEpochMilli(System.currentTimeMillis());
    Tenant suspended =
        await(
                stores
                    .tenants()
                    .setSuspension(t.id(), Optional.of(new Tenant.Suspension("unpaid", since))))
            .orElseThrow();
    assertThat(suspended.suspension()).contains(new Tenant.Suspension("unpaid", since));
    assertThat(
            await(stores.tenants().setSuspension(t.id(), Optional.empty()))
                .orElseThrow()
                .suspended())
        .isFalse();
  }

  @Test
  void keys_quota_revoke_rotate_delete() {
    Tenant t =
        tenant(
            new TenantSettings(
                List.of("standard"),
                "standard",
                Optional.empty(),
                RateLimits.NONE,
                LeakAction.REDACT,
                2));
    KeyIssuer issuer = new KeyIssuer(stores.tenants(), hasher);
    ApiKey first = await(issuer.issue(t)).key();
    ApiKey second = await(issuer.issue(t)).key();
    assertThatThrownBy(() -> await(issuer.issue(t))).isInstanceOf(KeyQuotaExceededException.class);

    TenantKey stored = await(stores.tenants().key(first.keyId())).orElseThrow();
    assertThat(stored.secretHash()).isEqualTo(hasher.hash(first)).doesNotContain(first.secret());
    assertThat(await(stores.tenants().keys(t.id())))
        .extracting(TenantKey::keyId)
        .containsExactly(first.keyId(), second.keyId());

    assertThat(await(stores.tenants().revokeKey(t.id(), first.keyId(), Instant.now()))).isTrue();
    assertThat(await(stores.tenants().revokeKey(t.id(), first.keyId(), Instant.now()))).isFalse();
    assertThat(await(stores.tenants().revokeKey("tn_other", second.keyId(), Instant.now())))
        .as("a key is revoked only through its own tenant")
        .isFalse();
    await(issuer.issue(t)); // the revoked key no longer counts against the quota

    KeyIssuer.Rotation rotation = await(issuer.rotate(t.id(), Duration.ofHours(1)));
    assertThat(rotation.expiring()).hasSize(2);
    assertThat(await(stores.tenants().key(second.keyId())).orElseThrow().revokedAt())
        .contains(rotation.until().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));

    assertThat(await(stores.tenants().deleteTenant(t.id()))).isTrue();
    assertThat(await(stores.tenants().key(second.keyId()))).isEmpty();
    assertThat(await(stores.tenants().deleteTenant(t.id()))).isFalse();
  }

  @Test
  void authenticator_fullCycle() {
    Tenant t = tenant(TenantSettings.DEFAULT);
    ApiKey key = await(new KeyIssuer(stores.tenants(), hasher).issue(t)).key();
    Authenticator auth = new Authenticator(stores.tenants(), hasher, Clock.systemUTC());
    assertThat(await(auth.authenticate(Optional.of("Bearer " + key.format()))))
        .isInstanceOf(Authentication.Authenticated.class);
    assertThat(await(auth.authenticate(Optional.of("bearer   " + key.format() + "  "))))
        .isInstanceOf(Authentication.Authenticated.class);
    assertThat(await(auth.authenticate(Optional.empty())))
        .isEqualTo(new Authentication.Rejected(Authentication.RejectReason.MISSING));
    String wrong =
        key.format().substring(0, key.format().length() - 1)
            + (key.format().endsWith("a") ? "b" : "a");
    assertThat(await(auth.authenticate(Optional.of("Bearer " + wrong))))
        .isEqualTo(new Authentication.Rejected(Authentication.RejectReason.INVALID));
    await(
        stores
            .tenants()
            .setSuspension(t.id(), Optional.of(new Tenant.Suspension("x", Instant.now()))));
    assertThat(await(auth.authenticate(Optional.of("Bearer " + key.format()))))
        .isEqualTo(new Authentication.Rejected(Authentication.RejectReason.TENANT_SUSPENDED));
    await(stores.tenants().setSuspension(t.id(), Optional.empty()));
    await(stores.tenants().revokeKey(t.id(), key.keyId(), Instant.now().minusSeconds(1)));
    assertThat(await(auth.authenticate(Optional.of("Bearer " + key.format()))))
        .isEqualTo(new Authentication.Rejected(Authentication.RejectReason.REVOKED));
  }

  private UsageEvent usage(Tenant t, String key, String provider, long cost, Instant at) {
    return new UsageEvent(at, t.id(), key, provider, "m", 10, 20, cost);
  }

  @Test
  void ledger_reserveSettleRelease_andCap() {
    Tenant t = tenant(TenantSettings.DEFAULT);
    SpendCap cap = new SpendCap(1_000_000, SpendCap.Period.DAY);
    Instant now = Instant.now();
    Reservation a = await(stores.ledger().reserve(t.id(), cap, 600_000, now));
    assertThat(a.status().remainingMicros()).isEqualTo(400_000);
    QuotaExceededException refused =
        org.junit.jupiter.api.Assertions.assertThrows(
            QuotaExceededException.class,
            () -> await(stores.ledger().reserve(t.id(), cap, 500_000, now)));
    assertThat(refused.status().remainingMicros()).isEqualTo(400_000);
    assertThat(refused.status().reset()).isEqualTo(SpendCap.Period.DAY.reset(now));

    await(stores.ledger().settle(a, usage(t, "k1", "p1", 250_000, now)));
    assertThat(await(stores.ledger().status(t.id(), cap, now)).remainingMicros())
        .isEqualTo(750_000);
    Reservation b = await(stores.ledger().reserve(t.id(), cap, 700_000, now));
    await(stores.ledger().release(b));
    assertThat(await(stores.ledger().status(t.id(), cap, now)).remainingMicros())
        .isEqualTo(750_000);

    Reservation stale =
        await(stores.ledger().reserve(t.id(), cap, 700_000, now.minusSeconds(3600)));
    assertThat(await(stores.ledger().releaseStale(now.minusSeconds(60)))).isGreaterThanOrEqualTo(1);
    assertThat(await(stores.ledger().status(t.id(), cap, now)).remainingMicros())
        .isEqualTo(750_000);
    await(stores.ledger().settle(stale, usage(t, "k1", "p1", 0, now))); // late settle: usage only
  }

  @Test
  void ledger_usageReport_groups_and_periods() {
    Tenant t = tenant(TenantSettings.DEFAULT);
    Tenant other = tenant(TenantSettings.DEFAULT);
    Instant today = Instant.now();
    Instant lastMonth =
        LocalDate.now(ZoneOffset.UTC)
            .withDayOfMonth(1)
            .minusDays(1)
            .atStartOfDay(ZoneOffset.UTC)
            .toInstant();
    await(stores.ledger().record(usage(t, "k1", "p1", 100, today)));
    await(stores.ledger().record(usage(t, "k1", "p1", 100, today)));
    await(stores.ledger().record(usage(t, "k2", "p2", 300, today)));
    await(stores.ledger().record(usage(t, "k1", "p1", 5_000, lastMonth)));
    await(stores.ledger().record(usage(other, "k9", "p1", 7, today)));

    LocalDate day = LocalDate.now(ZoneOffset.UTC);
    List<UsageRow> byKey =
        await(
            stores
                .ledger()
                .usage(
                    new UsageQuery(
                        day, day, Optional.of(t.id()), java.util.Set.of(Dimension.KEY))));
    assertThat(byKey)
        .containsExactly(
            new UsageRow(Map.of(Dimension.KEY, "k1"), 2, 20, 40, 200),
            new UsageRow(Map.of(Dimension.KEY, "k2"), 1, 10, 20, 300));
    List<UsageRow> total =
        await(
            stores
                .ledger()
                .usage(
                    new UsageQuery(
                        day.minusDays(40), day, Optional.of(t.id()), java.util.Set.of())));
    assertThat(total).containsExactly(new UsageRow(Map.of(), 4, 40, 80, 5_500));

    SpendCap monthly = new SpendCap(10_000, SpendCap.Period.MONTH);
    assertThat(await(stores.ledger().status(t.id(), monthly, today)).remainingMicros())
        .as("last month's spend does not count against this month")
        .isEqualTo(10_000 - 500);
  }

  /**
   * Many holds race for one cap: the sum admitted never exceeds it, whatever the interleaving,
   * because check and insert are one serialised transaction per tenant.
   */
  @Test
  void ledger_concurrentReservations_neverOvershoot() {
    Tenant t = tenant(TenantSettings.DEFAULT);
    SpendCap cap = new SpendCap(1_000_000, SpendCap.Period.DAY);
    List<Future<Reservation>> attempts = new ArrayList<>();
    for (int i = 0; i < 64; i++) {
      attempts.add(stores.ledger().reserve(t.id(), cap, 70_000, Instant.now()));
    }
    await(Future.join(attempts).otherwiseEmpty());
    long admitted = attempts.stream().filter(Future::succeeded).count();
    assertThat(admitted).isEqualTo(1_000_000 / 70_000);
    assertThat(attempts.stream().filter(Future::failed))
        .allSatisfy(f -> assertThat(f.cause()).isInstanceOf(QuotaExceededException.class));
    QuotaStatus status = await(stores.ledger().status(t.id(), cap, Instant.now()));
    assertThat(status.remainingMicros()).isEqualTo(1_000_000 - admitted * 70_000);
  }
}
