package io.sovereignrouter.keystore;

import java.security.SecureRandom;

/**
 * The calls the keystore makes to a cloud KMS. Implementations speak the real wire protocol: {@code
 * io.sovereignrouter.keystore.aws.AwsKms} and {@code io.sovereignrouter.keystore.gcp.GcpKms}. Calls
 * block; the gateway runs them on its {@code kms} worker pool. Implementations are thread-safe and
 * put a timeout on every call.
 */
public interface KmsDriver extends AutoCloseable {
  /**
   * The reference scheme this driver serves: {@code aws-kms} or {@code gcp-kms}.
   *
   * @return the scheme
   */
  String scheme();

  /**
   * Encrypts under a KMS key.
   *
   * @param keyId the key, in the KMS's syntax
   * @param plaintext the bytes to encrypt; not retained
   * @param aad associated data (AWS: encryption context; GCP: additional authenticated data); empty
   *     for none
   * @return the ciphertext
   * @throws KmsException if the call fails
   */
  byte[] encrypt(String keyId, byte[] plaintext, byte[] aad);

  /**
   * Decrypts a ciphertext made by {@link #encrypt} (or by the KMS's own tools).
   *
   * @param keyId the key, in the KMS's syntax
   * @param ciphertext the ciphertext
   * @param aad the associated data given at encryption; empty for none
   * @return the plaintext; the caller zeroes it
   * @throws KmsException if the call fails or the ciphertext does not authenticate
   */
  byte[] decrypt(String keyId, byte[] ciphertext, byte[] aad);

  /**
   * Creates an AES-256 data key wrapped under {@code keyId}. The default generates it locally and
   * calls {@link #encrypt}; AWS uses {@code GenerateDataKey}.
   *
   * @param keyId the wrapping key
   * @param aad associated data bound to the wrapped key
   * @return the data key
   * @throws KmsException if the call fails
   */
  default DataKey generateDataKey(String keyId, byte[] aad) {
    byte[] raw = new byte[DataKey.BYTES];
    new SecureRandom().nextBytes(raw);
    return new DataKey(raw, encrypt(keyId, raw, aad));
  }

  /**
   * Moves a ciphertext from one key to another. The default decrypts and re-encrypts here (zeroing
   * the plaintext); AWS does it inside KMS with {@code ReEncrypt}, so the plaintext never leaves
   * KMS.
   *
   * @param fromKeyId the key the ciphertext is under
   * @param toKeyId the key to move it to
   * @param ciphertext the ciphertext
   * @param aad associated data, the same for both keys
   * @return the ciphertext under {@code toKeyId}
   * @throws KmsException if a call fails
   */
  default byte[] reEncrypt(String fromKeyId, String toKeyId, byte[] ciphertext, byte[] aad) {
    byte[] plaintext = decrypt(fromKeyId, ciphertext, aad);
    try {
      return encrypt(toKeyId, plaintext, aad);
    } finally {
      java.util.Arrays.fill(plaintext, (byte) 0);
    }
  }

  /** Releases the client's connections. */
  @Override
  void close();
}
