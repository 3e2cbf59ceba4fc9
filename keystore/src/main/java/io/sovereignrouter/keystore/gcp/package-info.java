/**
 * Google Cloud KMS driver: {@link io.sovereignrouter.keystore.gcp.GcpKms} implements {@link
 * io.sovereignrouter.keystore.KmsDriver} with {@code google-cloud-kms} over gRPC ({@code Encrypt},
 * {@code Decrypt}, {@code GetCryptoKey}), with CRC32C integrity checks on every call.
 */
package io.sovereignrouter.keystore.gcp;
