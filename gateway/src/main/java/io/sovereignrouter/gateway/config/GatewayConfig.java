package io.sovereignrouter.gateway.config;

import java.util.List;
import java.util.Objects;

/**
 * The whole gateway configuration, as read from {@code sovereign.yaml} (kebab-case keys).
 *
 * @param server listeners, limits and the data directory
 * @param providers upstream providers and the models they serve, in preference order
 */
public record GatewayConfig(ServerConfig server, List<ProviderConfig> providers) {

  /** Validates cross-field invariants: unique provider ids. */
  public GatewayConfig {
    Objects.requireNonNull(server, "server");
    providers = List.copyOf(Objects.requireNonNull(providers, "providers"));
    long distinct = providers.stream().map(ProviderConfig::id).distinct().count();
    if (distinct != providers.size()) {
      throw new ConfigException("provider ids must be unique");
    }
  }

  /** Returns a copy with another server section. */
  public GatewayConfig withServer(ServerConfig newServer) {
    return new GatewayConfig(newServer, providers);
  }
}
