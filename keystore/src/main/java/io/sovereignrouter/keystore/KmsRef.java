package io.sovereignrouter.keystore;

/** A secret held as KMS ciphertext: only the named KMS key can reveal it. */
public sealed interface KmsRef extends SecretRef permits AwsKmsRef, GcpKmsRef {
  /**
   * The KMS key that decrypts {@link #ciphertext()}.
   *
   * @return the key id in the KMS's own syntax
   */
  String keyId();

  /**
   * The encrypted secret.
   *
   * @return the ciphertext
   */
  Ciphertext ciphertext();
}
