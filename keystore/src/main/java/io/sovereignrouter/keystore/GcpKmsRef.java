package io.sovereignrouter.keystore;

import java.util.regex.Pattern;

/**
 * {@code gcp-kms:projects/P/locations/L/keyRings/R/cryptoKeys/K#CIPHERTEXT}: a Cloud KMS
 * ciphertext.
 *
 * @param keyName the CryptoKey resource name
 * @param ciphertext the blob
 */
public record GcpKmsRef(String keyName, Ciphertext ciphertext) implements KmsRef {
  /** Cloud KMS resource ids: letters, digits, {@code _} and {@code -}, 1 to 63 chars. */
  static final Pattern KEY_NAME =
      Pattern.compile(
          "projects/[A-Za-z0-9_-]{1,63}/locations/[A-Za-z0-9_-]{1,63}"
              + "/keyRings/[A-Za-z0-9_-]{1,63}/cryptoKeys/[A-Za-z0-9_-]{1,63}");

  /**
   * Validates the key name.
   *
   * @throws SecretRefFormatException if the name is not a CryptoKey resource name
   */
  public GcpKmsRef {
    if (!KEY_NAME.matcher(keyName).matches()) {
      throw new SecretRefFormatException(
          "gcp-kms reference: expected projects/P/locations/L/keyRings/R/cryptoKeys/K");
    }
  }

  @Override
  public String keyId() {
    return keyName;
  }

  @Override
  public String toString() {
    return SecretRef.format(this);
  }
}
