package io.sovereignrouter.gateway.providers;

import java.time.Instant;
import java.util.Objects;

/**
 * A provider managed through the admin API, as stored.
 *
 * @param id the provider id
 * @param configJson its configuration in the config file's JSON form (kebab-case keys)
 * @param updatedAt last change
 */
public record StoredProvider(String id, String configJson, Instant updatedAt) {
  /** Validates. */
  public StoredProvider {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(configJson, "configJson");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }
}
