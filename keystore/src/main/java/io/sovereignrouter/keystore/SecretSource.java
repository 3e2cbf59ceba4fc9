package io.sovereignrouter.keystore;

import java.util.Optional;

/**
 * One stage of the resolution chain: looks a secret up by name. Implementations are thread-safe.
 */
public interface SecretSource {
  /**
   * Looks up a secret.
   *
   * @param name the secret name, in this source's syntax
   * @return the plaintext, owned by the caller (who zeroes it), or empty when unknown here
   * @throws KeystoreException if the source has the secret but cannot read or decrypt it
   */
  Optional<byte[]> lookup(String name);
}
