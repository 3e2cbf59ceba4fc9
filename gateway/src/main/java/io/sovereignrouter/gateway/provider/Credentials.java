package io.sovereignrouter.gateway.provider;

import io.sovereignrouter.gateway.config.ConfigException;
import io.sovereignrouter.keystore.KeystoreException;
import io.sovereignrouter.keystore.Resolution;
import io.sovereignrouter.keystore.Secret;
import io.sovereignrouter.keystore.SecretRef;
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
    SecretRef ref;
    try {
      ref = SecretRef.parse(reference);
    } catch (KeystoreException e) {
      throw new ConfigException(
          "provider " + providerId + ": credential reference: " + e.getMessage());
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
                "provider "
                    + providerId
                    + ": credential "
                    + SecretRef.format(ref)
                    + " did not resolve ("
                    + u.reason()
                    + ")");
      };
    } catch (KeystoreException e) {
      throw new ConfigException(
          "provider "
              + providerId
              + ": credential "
              + SecretRef.format(ref)
              + ": "
              + e.getMessage());
    }
  }
}
