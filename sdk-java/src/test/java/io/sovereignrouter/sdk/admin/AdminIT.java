package io.sovereignrouter.sdk.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sovereignrouter.sdk.AuthenticationException;
import io.sovereignrouter.sdk.BadRequestException;
import io.sovereignrouter.sdk.ChatMessage;
import io.sovereignrouter.sdk.ChatRequest;
import io.sovereignrouter.sdk.ConflictException;
import io.sovereignrouter.sdk.GatewayFixture;
import io.sovereignrouter.sdk.NotFoundException;
import io.sovereignrouter.sdk.RetryPolicy;
import io.sovereignrouter.sdk.SovereignClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The management client against a real gateway's admin listener. */
class AdminIT {
  @RegisterExtension static final GatewayFixture gateway = new GatewayFixture();

  private SovereignClient clientWith(String apiKey) {
    return SovereignClient.builder()
        .baseUrl(gateway.origin())
        .apiKey(apiKey)
        .retryPolicy(RetryPolicy.none())
        .build();
  }

  private static final ChatRequest HELLO = ChatRequest.of("mock-chat", ChatMessage.user("Hi"));

  @Test
  void tenantAndKey_lifecycle() {
    SovereignAdmin admin = gateway.admin();
    Audited<Tenant> created = admin.createTenant("acme");
    Tenant acme = created.value();
    assertThat(acme.name()).isEqualTo("acme");
    assertThat(acme.suspended()).isFalse();
    assertThat(created.logIndex()).isNotNegative();
    assertThat(admin.tenants()).extracting(Tenant::id).contains(acme.id());

    Audited<IssuedKey> issued = admin.createKey(acme.id());
    IssuedKey key = issued.value();
    assertThat(key.apiKey()).startsWith("sk-router-");
    assertThat(key.toString()).doesNotContain(key.apiKey());
    assertThat(issued.logIndex()).isGreaterThan(created.logIndex());
    assertThat(clientWith(key.apiKey()).chat(HELLO).attestation().tenantId()).contains(acme.id());

    assertThat(admin.keys(acme.id()))
        .extracting(TenantKey::keyId)
        .containsExactly(key.key().keyId());

    Audited<String> revoked = admin.revokeKey(acme.id(), key.key().keyId());
    assertThat(revoked.value()).isEqualTo(key.key().keyId());
    assertThat(admin.keys(acme.id()).get(0).activeAt(Instant.now())).isFalse();
    assertThatThrownBy(() -> clientWith(key.apiKey()).chat(HELLO))
        .isInstanceOf(AuthenticationException.class);
  }

  @Test
  void rotateKeys_previousKeysWorkUntilOverlapEnds() {
    SovereignAdmin admin = gateway.admin();
    Tenant t = admin.createTenant("rotating").value();
    IssuedKey first = admin.createKey(t.id()).value();
    KeyRotation rotation = admin.rotateKeys(t.id(), Duration.ofHours(1)).value();
    assertThat(rotation.previousKeys()).containsExactly(first.key().fingerprint());
    assertThat(rotation.previousKeysValidUntil()).isAfter(Instant.now().plusSeconds(3000));
    assertThat(clientWith(first.apiKey()).chat(HELLO).attestation().providerId()).isEqualTo("mock");
    assertThat(clientWith(rotation.issued().apiKey()).chat(HELLO).attestation().providerId())
        .isEqualTo("mock");

    KeyRotation now = admin.rotateKeys(t.id(), Duration.ZERO).value();
    assertThatThrownBy(() -> clientWith(rotation.issued().apiKey()).chat(HELLO))
        .isInstanceOf(AuthenticationException.class);
    assertThat(clientWith(now.issued().apiKey()).models()).isNotEmpty();
    assertThat(admin.rotateKeys(t.id()).value().previousKeys()).hasSize(1);
  }

  @Test
  void createTenant_duplicate_throwsConflict() {
    SovereignAdmin admin = gateway.admin();
    admin.createTenant("twice");
    assertThatThrownBy(() -> admin.createTenant("twice")).isInstanceOf(ConflictException.class);
  }

  @Test
  void createTenant_invalidName_throwsBadRequestNamingTheField() {
    assertThatThrownBy(() -> gateway.admin().createTenant("../etc"))
        .isInstanceOfSatisfying(
            BadRequestException.class,
            e -> {
              assertThat(e.error().message()).contains("name");
              assertThat(e.error().param()).contains("name");
            });
  }

  @Test
  void keys_unknownTenant_throwsNotFound() {
    assertThatThrownBy(() -> gateway.admin().keys("tn_nosuchtenant"))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> gateway.admin().revokeKey("tn_nosuchtenant", "k"))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void rotateKeys_overlapTooLong_throwsBadRequest() {
    SovereignAdmin admin = gateway.admin();
    Tenant t = admin.createTenant("overlap").value();
    assertThatThrownBy(() -> admin.rotateKeys(t.id(), Duration.ofDays(31)))
        .isInstanceOfSatisfying(
            BadRequestException.class,
            e -> assertThat(e.error().param()).contains("overlap_seconds"));
  }

  @Test
  void wrongToken_throwsAuthentication() {
    SovereignAdmin admin =
        SovereignAdmin.builder()
            .baseUrl(gateway.adminOrigin())
            .adminToken("sk-admin-wrong")
            .build();
    assertThatThrownBy(admin::tenants)
        .isInstanceOfSatisfying(
            AuthenticationException.class,
            e -> assertThat(e.getMessage()).doesNotContain("sk-admin-wrong"));
  }

  @Test
  void providers_listsModelsAndHealth() {
    gateway.client().chat(HELLO);
    List<Provider> providers = gateway.admin().providers();
    Provider mock = providers.stream().filter(p -> p.id().equals("mock")).findFirst().orElseThrow();
    assertThat(mock.type()).isEqualTo("mock");
    assertThat(mock.source()).isEqualTo("config");
    assertThat(mock.enabled()).isTrue();
    assertThat(mock.models()).extracting(ProviderModel::id).contains("mock-chat", "mock-embed");
    ProviderModel chat =
        mock.models().stream().filter(m -> m.id().equals("mock-chat")).findFirst().orElseThrow();
    assertThat(chat.health()).isPresent();
    assertThat(chat.health().orElseThrow().samples()).isPositive();
    assertThat(chat.health().orElseThrow().breaker()).isEqualTo("closed");
  }

  @Test
  void providers_createReplaceDelete_liveWithoutRestart() {
    SovereignAdmin admin = gateway.admin();
    ChatRequest hi = ChatRequest.of("api-chat", ChatMessage.user("Hi"));
    assertThatThrownBy(() -> gateway.client().chat(hi)).isInstanceOf(NotFoundException.class);

    ProviderSpec spec =
        ProviderSpec.of("api-mock", "mock")
            .priority(5)
            .model(
                ProviderModelSpec.chat("api-chat")
                    .ownedBy("sdk")
                    .pricing(new java.math.BigDecimal("1"), new java.math.BigDecimal("2"))
                    .maxOutputTokens(50))
            .section("mock", java.util.Map.of("reply_tokens", 3));
    Audited<Provider> created = admin.createProvider(spec);
    assertThat(created.value().source()).isEqualTo("api");
    assertThat(created.value().priority()).isEqualTo(5);
    assertThat(created.value().models()).extracting(ProviderModel::id).containsExactly("api-chat");
    assertThat(gateway.client().chat(hi).attestation().providerId()).isEqualTo("api-mock");
    assertThatThrownBy(() -> admin.createProvider(spec)).isInstanceOf(ConflictException.class);

    Audited<Provider> replaced = admin.replaceProvider(spec.priority(7));
    assertThat(replaced.value().priority()).isEqualTo(7);
    assertThat(replaced.logIndex()).isGreaterThan(created.logIndex());
    assertThat(admin.provider("api-mock").priority()).isEqualTo(7);

    assertThat(admin.deleteProvider("api-mock").value()).isEqualTo("api-mock");
    assertThatThrownBy(() -> admin.provider("api-mock")).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> gateway.client().chat(hi)).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> admin.deleteProvider("mock"))
        .as("config-file providers are not the API's to delete")
        .isInstanceOf(ConflictException.class);
  }

  @Test
  void suspend_unsuspend_deleteTenant_andPolicies() {
    SovereignAdmin admin = gateway.admin();
    Tenant t = admin.createTenant("suspendable").value();
    String key = admin.createKey(t.id()).value().apiKey();
    Tenant suspended = admin.suspendTenant(t.id(), "invoice overdue").value();
    assertThat(suspended.suspended()).isTrue();
    assertThat(suspended.suspendedReason()).contains("invoice overdue");
    assertThat(suspended.suspendedAt()).isPresent();
    assertThatThrownBy(() -> clientWith(key).chat(HELLO))
        .isInstanceOf(io.sovereignrouter.sdk.PermissionDeniedException.class);
    assertThat(admin.unsuspendTenant(t.id()).value().suspended()).isFalse();
    assertThat(clientWith(key).chat(HELLO).attestation().tenantId()).contains(t.id());

    assertThat(admin.policies()).extracting(Policy::id).contains(t.settings().defaultPolicy());
    assertThat(admin.deleteTenant(t.id()).value()).isEqualTo(t.id());
    assertThatThrownBy(() -> admin.tenant(t.id())).isInstanceOf(NotFoundException.class);
  }

  @Test
  void usage_groupedByTenantAndModel() {
    SovereignAdmin admin = gateway.admin();
    Tenant t = admin.createTenant("usage").value();
    SovereignClient c = clientWith(admin.createKey(t.id()).value().apiKey());
    c.chat(HELLO);
    c.chat(HELLO);
    UsageReport report =
        admin.usage(
            UsageQuery.thisMonth().tenant(t.id()).groupBy(UsageGroup.TENANT, UsageGroup.MODEL));
    assertThat(report.to()).isAfterOrEqualTo(report.from());
    assertThat(report.rows()).hasSize(1);
    UsageRow row = report.rows().get(0);
    assertThat(row.group()).containsEntry(UsageGroup.TENANT, t.id()).containsKey(UsageGroup.MODEL);
    assertThat(row.requests()).isEqualTo(2);
    assertThat(row.outputTokens()).isPositive();
    assertThatThrownBy(
            () ->
                admin.usage(
                    UsageQuery.thisMonth()
                        .from(java.time.LocalDate.of(2026, 2, 1))
                        .to(java.time.LocalDate.of(2026, 1, 1))))
        .isInstanceOfSatisfying(
            BadRequestException.class, e -> assertThat(e.error().param()).contains("from"));
  }
}
