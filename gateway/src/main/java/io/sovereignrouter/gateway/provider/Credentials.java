package io.sovereignrouter.gateway.provider;

import io.sovereignrouter.gateway.config.SecretReferences;
import io.sovereignrouter.keystore.SecretResolver;

/**
 * Resolves provider credential references through the keystore chain (LocalFile → Env → KMS):
 * {@code file:NAME} (an entry of the encrypted local keystore), {@code env:NAME}, a bare name tried
 * in that order. The plaintext goes to the adapter and nowhere else; errors name the reference,
 * never the value.
 */
public final class Credentials {
  private final SecretResolver resolver;

  /**
   * @param resolver the keystore chain
   */
  public Credentials(SecretResolver resolver) {
    this.resolver = resolver;
  }

  /**
   * Resolves {@code reference} for {@code providerId}.
   *
   * @throws ConfigException when the reference is malformed or resolves to nothing
   */
  public String resolve(String providerId, String reference) {
    return SecretReferences.resolve(resolver, "provider " + providerId + ": credential", reference);
  }

  /**
   * Resolves {@code reference} for another setting (e.g. {@code rate-limits.redis-password}).
   *
   * @throws ConfigException when the reference is malformed or resolves to nothing
   */
  public String resolveSetting(String setting, String reference) {
    return SecretReferences.resolve(resolver, setting, reference);
  }
}
