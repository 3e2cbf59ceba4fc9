package io.sovereignrouter.keystore.gcp;

import com.google.api.gax.retrying.RetrySettings;
import com.google.api.gax.rpc.ApiException;
import com.google.cloud.kms.v1.CryptoKey;
import com.google.cloud.kms.v1.DecryptRequest;
import com.google.cloud.kms.v1.DecryptResponse;
import com.google.cloud.kms.v1.EncryptRequest;
import com.google.cloud.kms.v1.EncryptResponse;
import com.google.cloud.kms.v1.KeyManagementServiceClient;
import com.google.cloud.kms.v1.KeyManagementServiceSettings;
import com.google.protobuf.ByteString;
import com.google.protobuf.Int64Value;
import io.sovereignrouter.keystore.KmsDriver;
import io.sovereignrouter.keystore.KmsException;
import java.io.IOException;
import java.time.Duration;
import java.util.zip.CRC32C;

/**
 * {@link KmsDriver} for Google Cloud KMS over gRPC, through {@code google-cloud-kms}. Every request
 * carries CRC32C checksums of its inputs, and every response's checksums and {@code verified_*}
 * flags are checked, as Cloud KMS's data-integrity guidelines require: a corrupted request or
 * response is a {@link KmsException}, never silently wrong bytes.
 */
public final class GcpKms implements KmsDriver {
  /** Scheme of the references this driver serves. */
  public static final String SCHEME = "gcp-kms";

  /** Default bound on one API call, retries included. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  private final KeyManagementServiceClient client;

  private GcpKms(KeyManagementServiceClient client) {
    this.client = client;
  }

  /**
   * Wraps a configured client; the driver closes it on {@link #close()}.
   *
   * @param client the client
   * @return the driver
   */
  public static GcpKms of(KeyManagementServiceClient client) {
    return new GcpKms(client);
  }

  /**
   * Builds a client from settings, bounding Encrypt, Decrypt and GetCryptoKey by {@code timeout}.
   *
   * @param settings endpoint, credentials and transport (defaults: Google's endpoint, ADC)
   * @param timeout total time per call, retries included
   * @return the driver
   * @throws KmsException if the client cannot be created
   */
  public static GcpKms create(KeyManagementServiceSettings.Builder settings, Duration timeout) {
    var stub = settings.getStubSettingsBuilder();
    stub.encryptSettings()
        .setRetrySettings(bounded(stub.encryptSettings().getRetrySettings(), timeout));
    stub.decryptSettings()
        .setRetrySettings(bounded(stub.decryptSettings().getRetrySettings(), timeout));
    stub.getCryptoKeySettings()
        .setRetrySettings(bounded(stub.getCryptoKeySettings().getRetrySettings(), timeout));
    try {
      return new GcpKms(KeyManagementServiceClient.create(settings.build()));
    } catch (IOException e) {
      throw new KmsException("gcp-kms: cannot create client", e);
    }
  }

  /**
   * Connects to Cloud KMS with Application Default Credentials and {@link #DEFAULT_TIMEOUT}.
   *
   * @return the driver
   */
  public static GcpKms connect() {
    return create(KeyManagementServiceSettings.newBuilder(), DEFAULT_TIMEOUT);
  }

  private static RetrySettings bounded(RetrySettings base, Duration timeout) {
    return base.toBuilder()
        .setTotalTimeoutDuration(timeout)
        .setInitialRpcTimeoutDuration(timeout)
        .setMaxRpcTimeoutDuration(timeout)
        .build();
  }

  @Override
  public String scheme() {
    return SCHEME;
  }

  @Override
  public byte[] encrypt(String keyName, byte[] plaintext, byte[] aad) {
    EncryptRequest.Builder req =
        EncryptRequest.newBuilder()
            .setName(keyName)
            .setPlaintext(ByteString.copyFrom(plaintext))
            .setPlaintextCrc32C(crc(plaintext));
    if (aad.length > 0) {
      req.setAdditionalAuthenticatedData(ByteString.copyFrom(aad))
          .setAdditionalAuthenticatedDataCrc32C(crc(aad));
    }
    EncryptResponse resp;
    try {
      resp = client.encrypt(req.build());
    } catch (ApiException e) {
      throw failure("Encrypt", keyName, e);
    }
    // https://cloud.google.com/kms/docs/data-integrity-guidelines
    if (!resp.getVerifiedPlaintextCrc32C()
        || (aad.length > 0 && !resp.getVerifiedAdditionalAuthenticatedDataCrc32C())) {
      throw new KmsException(
          "gcp-kms Encrypt on key " + keyName + ": request checksum not verified");
    }
    byte[] ct = resp.getCiphertext().toByteArray();
    if (!resp.hasCiphertextCrc32C()
        || resp.getCiphertextCrc32C().getValue() != crc(ct).getValue()) {
      throw new KmsException("gcp-kms Encrypt on key " + keyName + ": response checksum mismatch");
    }
    if (!resp.getName().startsWith(keyName + "/cryptoKeyVersions/")) {
      throw new KmsException(
          "gcp-kms Encrypt on key "
              + keyName
              + ": expected a version of that key, got "
              + resp.getName());
    }
    return ct;
  }

  @Override
  public byte[] decrypt(String keyName, byte[] ciphertext, byte[] aad) {
    DecryptRequest.Builder req =
        DecryptRequest.newBuilder()
            .setName(keyName)
            .setCiphertext(ByteString.copyFrom(ciphertext))
            .setCiphertextCrc32C(crc(ciphertext));
    if (aad.length > 0) {
      req.setAdditionalAuthenticatedData(ByteString.copyFrom(aad))
          .setAdditionalAuthenticatedDataCrc32C(crc(aad));
    }
    DecryptResponse resp;
    try {
      resp = client.decrypt(req.build());
    } catch (ApiException e) {
      throw failure("Decrypt", keyName, e);
    }
    byte[] pt = resp.getPlaintext().toByteArray();
    if (!resp.hasPlaintextCrc32C() || resp.getPlaintextCrc32C().getValue() != crc(pt).getValue()) {
      java.util.Arrays.fill(pt, (byte) 0);
      throw new KmsException("gcp-kms Decrypt on key " + keyName + ": response checksum mismatch");
    }
    return pt;
  }

  /**
   * The key's current primary version ({@code GetCryptoKey}); it changes when the key rotates, and
   * older versions keep decrypting.
   *
   * @param keyName the CryptoKey resource name
   * @return the primary CryptoKeyVersion resource name
   * @throws KmsException if the call fails
   */
  public String primaryVersion(String keyName) {
    try {
      CryptoKey key = client.getCryptoKey(keyName);
      return key.getPrimary().getName();
    } catch (ApiException e) {
      throw failure("GetCryptoKey", keyName, e);
    }
  }

  @Override
  public void close() {
    client.close();
  }

  private static Int64Value crc(byte[] data) {
    CRC32C c = new CRC32C();
    c.update(data);
    return Int64Value.of(c.getValue());
  }

  private static KmsException failure(String op, String keyName, ApiException e) {
    return new KmsException(
        "gcp-kms " + op + " on key " + keyName + " failed: " + e.getStatusCode().getCode(), e);
  }

  @Override
  public String toString() {
    return "GcpKms";
  }
}
