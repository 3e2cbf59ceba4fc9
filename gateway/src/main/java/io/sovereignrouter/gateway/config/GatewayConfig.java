package io.sovereignrouter.gateway.config;

import java.util.List;
import java.util.Objects;

/**
 * The whole gateway configuration, as read from {@code sovereign.yaml} (kebab-case keys).
 *
 * @param server listeners, limits and the data directory
 * @param providers upstream providers and the models they serve, in preference order
 * @param routing fallback walk, health and circuit breaker
 * @param attestation audit log and attestations
 * @param leakScan credential-leak scan of every request
 * @param storage state and audit-log backend (default: SQLite and the file log)
 * @param rateLimits where rate-limit counters live
 * @param policy which engine decides stage 3
 * @param witnesses trusted witness keys and their statements
 * @param tenantDefaults policies a tenant created without settings gets
 * @param telemetry OpenTelemetry traces (off by default)
 * @param keystore the keystore chain: KEK source, KMS clients, plaintext cache TTL
 */
public record GatewayConfig(
    ServerConfig server,
    List<ProviderConfig> providers,
    RoutingConfig routing,
    AttestationConfig attestation,
    LeakScanConfig leakScan,
    StorageConfig storage,
    RateLimitConfig rateLimits,
    PolicyConfig policy,
    WitnessConfig witnesses,
    TenantDefaultsConfig tenantDefaults,
    TelemetryConfig telemetry,
    KeystoreConfig keystore) {

  /** Fills a missing server section with defaults; checks that provider ids are unique. */
  public GatewayConfig {
    server = Objects.requireNonNullElse(server, ServerConfig.DEFAULT);
    providers = List.copyOf(Objects.requireNonNullElse(providers, List.of()));
    routing = Objects.requireNonNullElse(routing, RoutingConfig.DEFAULT);
    attestation = Objects.requireNonNullElse(attestation, AttestationConfig.DEFAULT);
    leakScan = Objects.requireNonNullElse(leakScan, LeakScanConfig.DEFAULT);
    storage = Objects.requireNonNullElse(storage, StorageConfig.DEFAULT);
    rateLimits = Objects.requireNonNullElse(rateLimits, RateLimitConfig.DEFAULT);
    policy = Objects.requireNonNullElse(policy, PolicyConfig.DEFAULT);
    witnesses = Objects.requireNonNullElse(witnesses, WitnessConfig.NONE);
    tenantDefaults = Objects.requireNonNullElse(tenantDefaults, TenantDefaultsConfig.DEFAULT);
    telemetry = Objects.requireNonNullElse(telemetry, TelemetryConfig.DEFAULT);
    keystore = Objects.requireNonNullElse(keystore, KeystoreConfig.DEFAULT);
    long distinct = providers.stream().map(ProviderConfig::id).distinct().count();
    if (distinct != providers.size()) {
      throw new ConfigException("provider ids must be unique");
    }
    if (attestation.asyncProof() && storage.postgresConfig().isPresent()) {
      // Replicas sharing one PostgreSQL log learn an entry's index only when it is integrated
      // under the shared lock, so there is no durable index to promise earlier.
      throw new ConfigException(
          "attestation.proof: async needs the embedded file log; with storage.backend: postgres"
              + " use attestation.proof: sync");
    }
  }

  /** Returns a copy with another server section. */
  public GatewayConfig withServer(ServerConfig newServer) {
    return new GatewayConfig(
        newServer,
        providers,
        routing,
        attestation,
        leakScan,
        storage,
        rateLimits,
        policy,
        witnesses,
        tenantDefaults,
        telemetry,
        keystore);
  }
}
