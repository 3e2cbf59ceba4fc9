package io.sovereignrouter.gateway.config;

import io.sovereignrouter.keystore.KeystoreException;
import io.sovereignrouter.keystore.Resolution;
import io.sovereignrouter.keystore.Secret;
import io.sovereignrouter.keystore.SecretRef;
import io.sovereignrouter.keystore.SecretResolver;

/**
 * Resolves a secret reference a setting names (a provider credential, the PostgreSQL or Redis
 * password) through the keystore chain. Errors name the setting and the reference, never the value.
 */
public final class SecretReferences {
  private SecretReferences() {}

  /**
   * @param resolver the keystore chain
   * @param setting what names the reference, for messages, e.g. {@code
   *     storage.postgres.password-ref}
   * @param reference the reference ({@code env:NAME}, {@code file:NAME}, …)
   * @return the plaintext
   * @throws ConfigException when the reference is malformed or resolves to nothing
   */
  public static String resolve(SecretResolver resolver, String setting, String reference) {
    SecretRef ref;
    try {
      ref = SecretRef.parse(reference);
    } catch (KeystoreException e) {
      throw new ConfigException(setting + " reference: " + e.getMessage());
    }
    try {
      return switch (resolver.resolve(ref)) {
        case Resolution.Resolved r -> {
          try (Secret secret = r.secret()) {
            yield secret.utf8();
          }
        }
        case Resolution.Unresolved u ->
            throw new ConfigException(
                setting + " " + SecretRef.format(ref) + " did not resolve (" + u.reason() + ")");
      };
    } catch (KeystoreException e) {
      throw new ConfigException(setting + " " + SecretRef.format(ref) + ": " + e.getMessage());
    }
  }
}
