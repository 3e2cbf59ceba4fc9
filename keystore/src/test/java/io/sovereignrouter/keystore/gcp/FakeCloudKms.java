package io.sovereignrouter.keystore.gcp;

import com.google.api.gax.core.NoCredentialsProvider;
import com.google.api.gax.grpc.InstantiatingGrpcChannelProvider;
import com.google.cloud.kms.v1.CryptoKey;
import com.google.cloud.kms.v1.CryptoKeyVersion;
import com.google.cloud.kms.v1.DecryptRequest;
import com.google.cloud.kms.v1.DecryptResponse;
import com.google.cloud.kms.v1.EncryptRequest;
import com.google.cloud.kms.v1.EncryptResponse;
import com.google.cloud.kms.v1.GetCryptoKeyRequest;
import com.google.cloud.kms.v1.KeyManagementServiceSettings;
import com.google.cloud.kms.v1.KmsProto;
import com.google.cloud.kms.v1.ProtectionLevel;
import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.ServiceDescriptor;
import com.google.protobuf.Int64Value;
import com.google.protobuf.Message;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.ProtoUtils;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.CRC32C;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An in-test Cloud KMS: a real gRPC server on a loopback port implementing the {@code
 * google.cloud.kms.v1.KeyManagementService} methods the keystore calls (Encrypt, Decrypt,
 * GetCryptoKey) with Cloud KMS's semantics: symmetric keys with versions (a rotation adds a new
 * primary; old versions still decrypt), AES-256-GCM with the request's additional authenticated
 * data, CRC32C checks of every request field that carries a checksum ({@code INVALID_ARGUMENT} on
 * mismatch) and checksums on every response. Faults can be injected to test the client's checks.
 *
 * <p>The service and method names come from the published {@code google/cloud/kms/v1/service.proto}
 * descriptor ({@link KmsProto}); the generated server stubs ({@code grpc-google-cloud-kms-v1}) are
 * not served by our registry, so the methods are bound by hand with protobuf marshallers.
 */
public final class FakeCloudKms implements BeforeAllCallback, AfterAllCallback {
  private static final ServiceDescriptor SERVICE =
      KmsProto.getDescriptor().findServiceByName("KeyManagementService");

  private final Map<String, List<byte[]>> keys = new ConcurrentHashMap<>();
  private final SecureRandom random = new SecureRandom();
  private final AtomicBoolean corruptNextResponse = new AtomicBoolean();
  private final AtomicLong delayMillis = new AtomicLong();
  private final AtomicInteger calls = new AtomicInteger();
  private Server server;

  /**
   * The {@code host:port} to dial in plaintext.
   *
   * @return the endpoint
   */
  public String endpoint() {
    return "127.0.0.1:" + server.getPort();
  }

  /**
   * A {@link GcpKms} driving the real {@code KeyManagementServiceClient} at this server over a
   * plaintext gRPC channel, without credentials.
   *
   * @param timeout per-call timeout
   * @return the driver; the caller closes it
   */
  public GcpKms connect(Duration timeout) {
    KeyManagementServiceSettings.Builder settings =
        KeyManagementServiceSettings.newBuilder()
            .setEndpoint(endpoint())
            .setCredentialsProvider(NoCredentialsProvider.create())
            .setTransportChannelProvider(
                InstantiatingGrpcChannelProvider.newBuilder()
                    .setEndpoint(endpoint())
                    .setChannelConfigurator(b -> b.usePlaintext())
                    .build());
    return GcpKms.create(settings, timeout);
  }

  /**
   * Creates a symmetric key with one version.
   *
   * @param keyName CryptoKey resource name
   */
  public void createKey(String keyName) {
    List<byte[]> versions = new ArrayList<>();
    versions.add(newKey());
    keys.put(keyName, versions);
  }

  /**
   * Adds a new primary version, as a scheduled or manual rotation does.
   *
   * @param keyName the key
   */
  public synchronized void rotate(String keyName) {
    keys.get(keyName).add(newKey());
  }

  /** Flips the checksum of the next response, like corruption in transit. */
  public void corruptNextResponse() {
    corruptNextResponse.set(true);
  }

  /**
   * Delays every response.
   *
   * @param millis the delay
   */
  public void delay(long millis) {
    delayMillis.set(millis);
  }

  /**
   * Number of RPCs served.
   *
   * @return the count
   */
  public int calls() {
    return calls.get();
  }

  private byte[] newKey() {
    byte[] k = new byte[32];
    random.nextBytes(k);
    return k;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    server =
        NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
            .addService(definition())
            .build()
            .start();
  }

  private ServerServiceDefinition definition() {
    return ServerServiceDefinition.builder(SERVICE.getFullName())
        .addMethod(
            method(
                "Encrypt",
                EncryptRequest.getDefaultInstance(),
                EncryptResponse.getDefaultInstance()),
            ServerCalls.asyncUnaryCall(this::encrypt))
        .addMethod(
            method(
                "Decrypt",
                DecryptRequest.getDefaultInstance(),
                DecryptResponse.getDefaultInstance()),
            ServerCalls.asyncUnaryCall(this::decrypt))
        .addMethod(
            method(
                "GetCryptoKey",
                GetCryptoKeyRequest.getDefaultInstance(),
                CryptoKey.getDefaultInstance()),
            ServerCalls.asyncUnaryCall(this::getCryptoKey))
        .build();
  }

  private static <Q extends Message, R extends Message> MethodDescriptor<Q, R> method(
      String name, Q request, R response) {
    if (SERVICE.findMethodByName(name) == null) {
      throw new IllegalStateException("service.proto has no method " + name);
    }
    return MethodDescriptor.<Q, R>newBuilder()
        .setType(MethodDescriptor.MethodType.UNARY)
        .setFullMethodName(MethodDescriptor.generateFullMethodName(SERVICE.getFullName(), name))
        .setRequestMarshaller(ProtoUtils.marshaller(request))
        .setResponseMarshaller(ProtoUtils.marshaller(response))
        .build();
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }

  private void encrypt(EncryptRequest req, StreamObserver<EncryptResponse> out) {
    if (!begin(out)) {
      return;
    }
    List<byte[]> versions = keys.get(req.getName());
    if (versions == null) {
      out.onError(Status.NOT_FOUND.withDescription("CryptoKey not found").asRuntimeException());
      return;
    }
    byte[] pt = req.getPlaintext().toByteArray();
    byte[] aad = req.getAdditionalAuthenticatedData().toByteArray();
    if (mismatch(req.hasPlaintextCrc32C(), req.getPlaintextCrc32C(), pt)
        || mismatch(
            req.hasAdditionalAuthenticatedDataCrc32C(),
            req.getAdditionalAuthenticatedDataCrc32C(),
            aad)) {
      out.onError(
          Status.INVALID_ARGUMENT.withDescription("checksum mismatch").asRuntimeException());
      return;
    }
    int version;
    byte[] key;
    synchronized (this) {
      version = versions.size();
      key = versions.get(version - 1);
    }
    byte[] nonce = new byte[12];
    random.nextBytes(nonce);
    byte[] sealed;
    try {
      sealed = gcm(Cipher.ENCRYPT_MODE, key, nonce, aad, pt);
    } catch (GeneralSecurityException e) {
      out.onError(Status.INTERNAL.asRuntimeException());
      return;
    }
    byte[] ct =
        ByteBuffer.allocate(4 + 12 + sealed.length).putInt(version).put(nonce).put(sealed).array();
    long crc = crc(ct) ^ (corruptNextResponse.getAndSet(false) ? 1 : 0);
    out.onNext(
        EncryptResponse.newBuilder()
            .setName(req.getName() + "/cryptoKeyVersions/" + version)
            .setCiphertext(ByteString.copyFrom(ct))
            .setCiphertextCrc32C(Int64Value.of(crc))
            .setVerifiedPlaintextCrc32C(req.hasPlaintextCrc32C())
            .setVerifiedAdditionalAuthenticatedDataCrc32C(
                req.hasAdditionalAuthenticatedDataCrc32C())
            .setProtectionLevel(ProtectionLevel.SOFTWARE)
            .build());
    out.onCompleted();
  }

  private void decrypt(DecryptRequest req, StreamObserver<DecryptResponse> out) {
    if (!begin(out)) {
      return;
    }
    List<byte[]> versions = keys.get(req.getName());
    if (versions == null) {
      out.onError(Status.NOT_FOUND.withDescription("CryptoKey not found").asRuntimeException());
      return;
    }
    byte[] ct = req.getCiphertext().toByteArray();
    byte[] aad = req.getAdditionalAuthenticatedData().toByteArray();
    if (mismatch(req.hasCiphertextCrc32C(), req.getCiphertextCrc32C(), ct)
        || mismatch(
            req.hasAdditionalAuthenticatedDataCrc32C(),
            req.getAdditionalAuthenticatedDataCrc32C(),
            aad)) {
      out.onError(
          Status.INVALID_ARGUMENT.withDescription("checksum mismatch").asRuntimeException());
      return;
    }
    byte[] pt;
    int version;
    try {
      ByteBuffer buf = ByteBuffer.wrap(ct);
      version = buf.getInt();
      byte[] nonce = new byte[12];
      buf.get(nonce);
      byte[] sealed = new byte[buf.remaining()];
      buf.get(sealed);
      byte[] key;
      synchronized (this) {
        key = versions.get(version - 1);
      }
      pt = gcm(Cipher.DECRYPT_MODE, key, nonce, aad, sealed);
    } catch (GeneralSecurityException | RuntimeException e) {
      out.onError(
          Status.INVALID_ARGUMENT.withDescription("Decryption failed").asRuntimeException());
      return;
    }
    long crc = crc(pt) ^ (corruptNextResponse.getAndSet(false) ? 1 : 0);
    out.onNext(
        DecryptResponse.newBuilder()
            .setPlaintext(ByteString.copyFrom(pt))
            .setPlaintextCrc32C(Int64Value.of(crc))
            .setUsedPrimary(version == versions.size())
            .setProtectionLevel(ProtectionLevel.SOFTWARE)
            .build());
    out.onCompleted();
  }

  private void getCryptoKey(GetCryptoKeyRequest req, StreamObserver<CryptoKey> out) {
    if (!begin(out)) {
      return;
    }
    List<byte[]> versions = keys.get(req.getName());
    if (versions == null) {
      out.onError(Status.NOT_FOUND.withDescription("CryptoKey not found").asRuntimeException());
      return;
    }
    out.onNext(
        CryptoKey.newBuilder()
            .setName(req.getName())
            .setPurpose(CryptoKey.CryptoKeyPurpose.ENCRYPT_DECRYPT)
            .setPrimary(
                CryptoKeyVersion.newBuilder()
                    .setName(req.getName() + "/cryptoKeyVersions/" + versions.size())
                    .setState(CryptoKeyVersion.CryptoKeyVersionState.ENABLED))
            .build());
    out.onCompleted();
  }

  private boolean begin(StreamObserver<?> out) {
    calls.incrementAndGet();
    long d = delayMillis.get();
    if (d > 0) {
      try {
        Thread.sleep(d);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        out.onError(Status.CANCELLED.asRuntimeException());
        return false;
      }
    }
    return true;
  }

  private static boolean mismatch(boolean present, Int64Value given, byte[] data) {
    return present && given.getValue() != crc(data);
  }

  private static long crc(byte[] data) {
    CRC32C c = new CRC32C();
    c.update(data);
    return c.getValue();
  }

  private static byte[] gcm(int mode, byte[] key, byte[] nonce, byte[] aad, byte[] input)
      throws GeneralSecurityException {
    Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
    c.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
    c.updateAAD(aad);
    return c.doFinal(input);
  }
}
