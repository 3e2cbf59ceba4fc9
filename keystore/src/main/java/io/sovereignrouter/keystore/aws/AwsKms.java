package io.sovereignrouter.keystore.aws;

import io.sovereignrouter.keystore.DataKey;
import io.sovereignrouter.keystore.KmsDriver;
import io.sovereignrouter.keystore.KmsException;
import java.net.URI;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.KmsClientBuilder;
import software.amazon.awssdk.services.kms.model.DataKeySpec;
import software.amazon.awssdk.services.kms.model.DecryptResponse;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyResponse;

/**
 * {@link KmsDriver} for AWS KMS over its JSON wire protocol, through the AWS SDK v2. Associated
 * data travels as the encryption context {@code {"sovereign-aad": base64(aad)}}, which KMS binds to
 * the ciphertext and checks on {@code Decrypt}. Data keys come from {@code GenerateDataKey}.
 */
public final class AwsKms implements KmsDriver {
  /** Scheme of the references this driver serves. */
  public static final String SCHEME = "aws-kms";

  /** Encryption-context key carrying the associated data. */
  static final String CONTEXT_KEY = "sovereign-aad";

  /** Default bound on one API call, retries included. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  private final KmsClient client;

  private AwsKms(KmsClient client) {
    this.client = client;
  }

  /**
   * Wraps a configured SDK client; the driver closes it on {@link #close()}.
   *
   * @param client the client, with its own region, credentials and timeouts
   * @return the driver
   */
  public static AwsKms of(KmsClient client) {
    return new AwsKms(client);
  }

  /**
   * Connects to AWS KMS in a region with the default credentials chain.
   *
   * @param region e.g. {@code eu-central-1}
   * @return the driver
   */
  public static AwsKms connect(String region) {
    return new AwsKms(base(region, DefaultCredentialsProvider.builder().build()).build());
  }

  /**
   * Connects to AWS KMS in a region with the given credentials.
   *
   * @param region e.g. {@code eu-central-1}
   * @param credentials the credentials provider
   * @return the driver
   */
  public static AwsKms connect(String region, AwsCredentialsProvider credentials) {
    return new AwsKms(base(region, credentials).build());
  }

  /**
   * Connects to a KMS-compatible endpoint (VPC endpoint, FIPS endpoint, or a local emulator).
   *
   * @param region the signing region
   * @param endpoint the endpoint URL
   * @param credentials the credentials provider
   * @return the driver
   */
  public static AwsKms connect(String region, URI endpoint, AwsCredentialsProvider credentials) {
    return new AwsKms(base(region, credentials).endpointOverride(endpoint).build());
  }

  private static KmsClientBuilder base(String region, AwsCredentialsProvider credentials) {
    return KmsClient.builder()
        .region(Region.of(region))
        .credentialsProvider(credentials)
        .httpClientBuilder(
            UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(3))
                .socketTimeout(Duration.ofSeconds(5)))
        .overrideConfiguration(
            c -> c.apiCallTimeout(DEFAULT_TIMEOUT).apiCallAttemptTimeout(Duration.ofSeconds(5)));
  }

  @Override
  public String scheme() {
    return SCHEME;
  }

  @Override
  public byte[] encrypt(String keyId, byte[] plaintext, byte[] aad) {
    try {
      return client
          .encrypt(
              r ->
                  r.keyId(keyId)
                      .plaintext(SdkBytes.fromByteArray(plaintext))
                      .encryptionContext(context(aad)))
          .ciphertextBlob()
          .asByteArray();
    } catch (SdkException e) {
      throw failure("Encrypt", keyId, e);
    }
  }

  @Override
  public byte[] decrypt(String keyId, byte[] ciphertext, byte[] aad) {
    DecryptResponse resp;
    try {
      resp =
          client.decrypt(
              r ->
                  r.keyId(keyId)
                      .ciphertextBlob(SdkBytes.fromByteArray(ciphertext))
                      .encryptionContext(context(aad)));
    } catch (SdkException e) {
      throw failure("Decrypt", keyId, e);
    }
    return resp.plaintext().asByteArray();
  }

  @Override
  public DataKey generateDataKey(String keyId, byte[] aad) {
    GenerateDataKeyResponse resp;
    try {
      resp =
          client.generateDataKey(
              r -> r.keyId(keyId).keySpec(DataKeySpec.AES_256).encryptionContext(context(aad)));
    } catch (SdkException e) {
      throw failure("GenerateDataKey", keyId, e);
    }
    return new DataKey(resp.plaintext().asByteArray(), resp.ciphertextBlob().asByteArray());
  }

  @Override
  public byte[] reEncrypt(String fromKeyId, String toKeyId, byte[] ciphertext, byte[] aad) {
    try {
      return client
          .reEncrypt(
              r ->
                  r.sourceKeyId(fromKeyId)
                      .destinationKeyId(toKeyId)
                      .ciphertextBlob(SdkBytes.fromByteArray(ciphertext))
                      .sourceEncryptionContext(context(aad))
                      .destinationEncryptionContext(context(aad)))
          .ciphertextBlob()
          .asByteArray();
    } catch (SdkException e) {
      throw failure("ReEncrypt", fromKeyId + " -> " + toKeyId, e);
    }
  }

  /**
   * Whether automatic yearly rotation of the key material is on ({@code GetKeyRotationStatus}).
   *
   * @param keyId the key
   * @return true when enabled
   * @throws KmsException if the call fails
   */
  public boolean rotationEnabled(String keyId) {
    try {
      return client.getKeyRotationStatus(r -> r.keyId(keyId)).keyRotationEnabled();
    } catch (SdkException e) {
      throw failure("GetKeyRotationStatus", keyId, e);
    }
  }

  /**
   * Turns on automatic rotation of the key material ({@code EnableKeyRotation}). AWS keeps old key
   * material, so existing ciphertexts still decrypt.
   *
   * @param keyId the key
   * @throws KmsException if the call fails
   */
  public void enableRotation(String keyId) {
    try {
      client.enableKeyRotation(r -> r.keyId(keyId));
    } catch (SdkException e) {
      throw failure("EnableKeyRotation", keyId, e);
    }
  }

  @Override
  public void close() {
    client.close();
  }

  private static Map<String, String> context(byte[] aad) {
    return aad.length == 0
        ? Map.of()
        : Map.of(CONTEXT_KEY, Base64.getEncoder().encodeToString(aad));
  }

  private static KmsException failure(String op, String keyId, SdkException e) {
    // Only the error code and status go into the message: AWS messages are safe, but a cause
    // chain from the HTTP layer is not ours to vouch for.
    String detail =
        e instanceof AwsServiceException ase && ase.awsErrorDetails() != null
            ? ase.awsErrorDetails().errorCode() + " (HTTP " + ase.statusCode() + ")"
            : e.getClass().getSimpleName();
    return new KmsException("aws-kms " + op + " on key " + keyId + " failed: " + detail, e);
  }

  @Override
  public String toString() {
    return "AwsKms";
  }
}
