package io.sovereignrouter.sdk.admin;

import java.util.Objects;

/**
 * A newly issued key: its record and, this once, its secret.
 *
 * @param key the key record
 * @param apiKey the full key {@code sk-router-…}; store it now, the gateway keeps only a hash
 */
public record IssuedKey(TenantKey key, String apiKey) {
  /** Validates. */
  public IssuedKey {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(apiKey, "apiKey");
  }

  /** Never prints the secret. */
  @Override
  public String toString() {
    return "IssuedKey[" + key.fingerprint() + ", tenant=" + key.tenantId() + "]";
  }
}
