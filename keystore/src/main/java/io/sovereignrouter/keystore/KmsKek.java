package io.sovereignrouter.keystore;

/**
 * A {@link Kek} held in a cloud KMS: wrapping and unwrapping are KMS calls, so the KEK never leaves
 * the KMS.
 *
 * @param driver the KMS client
 * @param keyId the wrapping key, in the KMS's syntax
 */
public record KmsKek(KmsDriver driver, String keyId) implements Kek {
  /**
   * Validates the key id.
   *
   * @throws KeystoreException if the key id is blank
   */
  public KmsKek {
    if (keyId.isBlank()) {
      throw new KeystoreException("kms kek: expected a key id, got a blank string");
    }
  }

  @Override
  public String id() {
    return driver.scheme() + ":" + keyId;
  }

  @Override
  public byte[] wrap(byte[] dataKey, byte[] aad) {
    return driver.encrypt(keyId, dataKey, aad);
  }

  @Override
  public byte[] unwrap(byte[] wrapped, byte[] aad) {
    return driver.decrypt(keyId, wrapped, aad);
  }

  @Override
  public DataKey newDataKey(byte[] aad) {
    return driver.generateDataKey(keyId, aad);
  }

  @Override
  public String toString() {
    return "KmsKek[" + id() + "]";
  }
}
