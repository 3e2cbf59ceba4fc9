package io.sovereignrouter.keystore;

import java.security.SecureRandom;

/**
 * A key-encryption key: wraps and unwraps data keys. Implementations: {@link LocalKek} (from {@code
 * SOVEREIGN_ENCRYPTION_KEY} or a key file) and {@link KmsKek} (AWS KMS or Cloud KMS).
 * Implementations are thread-safe.
 */
public interface Kek {
  /**
   * A stable, non-secret identifier stored next to every data key this KEK wraps, e.g. {@code
   * local:1a2b3c4d5e6f} or {@code aws-kms:alias/sovereign}.
   *
   * @return the id
   */
  String id();

  /**
   * Encrypts a data key.
   *
   * @param dataKey the raw key; not retained
   * @param aad associated data the unwrap must present again
   * @return the wrapped key
   * @throws KeystoreException on a crypto or KMS failure
   */
  byte[] wrap(byte[] dataKey, byte[] aad);

  /**
   * Decrypts a data key wrapped by {@link #wrap}.
   *
   * @param wrapped the wrapped key
   * @param aad the associated data given to {@link #wrap}
   * @return the raw key; the caller zeroes it
   * @throws SecretDecryptionException if the wrapped key or aad do not authenticate
   * @throws KeystoreException on a KMS failure
   */
  byte[] unwrap(byte[] wrapped, byte[] aad);

  /**
   * Generates a random AES-256 data key and wraps it. KMS-backed KEKs may let the KMS generate it
   * ({@code GenerateDataKey}).
   *
   * @param aad associated data bound to the wrapped key
   * @return the data key
   */
  default DataKey newDataKey(byte[] aad) {
    byte[] raw = new byte[DataKey.BYTES];
    new SecureRandom().nextBytes(raw);
    return new DataKey(raw, wrap(raw, aad));
  }
}
