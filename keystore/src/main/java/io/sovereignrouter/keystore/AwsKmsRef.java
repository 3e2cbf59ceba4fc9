package io.sovereignrouter.keystore;

import java.util.regex.Pattern;

/**
 * {@code aws-kms:KEY-ID#CIPHERTEXT}: a ciphertext blob from AWS KMS {@code Encrypt}.
 *
 * @param keyId key id, alias ({@code alias/…}) or ARN
 * @param ciphertext the blob
 */
public record AwsKmsRef(String keyId, Ciphertext ciphertext) implements KmsRef {
  private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9:/_.-]{0,2047}");

  /**
   * Validates the key id.
   *
   * @throws SecretRefFormatException if the key id has characters AWS never uses
   */
  public AwsKmsRef {
    if (!KEY_ID.matcher(keyId).matches()) {
      throw new SecretRefFormatException(
          "aws-kms reference: expected a key id, alias or ARN of [A-Za-z0-9:/_.-]");
    }
  }

  @Override
  public String toString() {
    return SecretRef.format(this);
  }
}
