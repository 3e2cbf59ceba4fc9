/**
 * AWS KMS driver: {@link io.sovereignrouter.keystore.aws.AwsKms} implements {@link
 * io.sovereignrouter.keystore.KmsDriver} with the AWS SDK v2 ({@code Encrypt}, {@code Decrypt},
 * {@code GenerateDataKey}, {@code ReEncrypt}, {@code GetKeyRotationStatus}, {@code
 * EnableKeyRotation}). Blocking; every call is bounded by an API-call timeout.
 */
package io.sovereignrouter.keystore.aws;
