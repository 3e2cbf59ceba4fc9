package io.sovereignrouter.keystore.gcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sovereignrouter.keystore.Ciphertext;
import io.sovereignrouter.keystore.Fingerprinter;
import io.sovereignrouter.keystore.GcpKmsRef;
import io.sovereignrouter.keystore.KekRing;
import io.sovereignrouter.keystore.KmsException;
import io.sovereignrouter.keystore.KmsKek;
import io.sovereignrouter.keystore.LocalFileKeystore;
import io.sovereignrouter.keystore.LocalKek;
import io.sovereignrouter.keystore.Resolution;
import io.sovereignrouter.keystore.Secret;
import io.sovereignrouter.keystore.SecretRef;
import io.sovereignrouter.keystore.SecretResolver;
import io.sovereignrouter.keystore.SourceKind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code KeyManagementServiceClient} (gax, gRPC over Netty, protobuf) against {@link
 * FakeCloudKms} on a loopback port with a plaintext channel.
 */
class GcpKmsIT {
  @RegisterExtension static final FakeCloudKms KMS = new FakeCloudKms();

  private static final String CANARY = "sk-CANARY-gcp-91b0c4aa5e";

  @TempDir Path tmp;

  private GcpKms gcp;
  private String keyName;

  static GcpKms connect(Duration timeout) {
    return KMS.connect(timeout);
  }

  @BeforeEach
  void setUp() {
    keyName =
        "projects/sovereign-test/locations/europe-west3/keyRings/ring/cryptoKeys/k"
            + UUID.randomUUID().toString().substring(0, 8);
    KMS.createKey(keyName);
    KMS.delay(0);
    gcp = connect(Duration.ofSeconds(10));
  }

  @AfterEach
  void tearDown() {
    gcp.close();
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void encryptDecrypt_roundTripWithAad() {
    int before = KMS.calls();
    byte[] ct = gcp.encrypt(keyName, utf8(CANARY), utf8("aad"));
    assertThat(new String(ct, StandardCharsets.ISO_8859_1)).doesNotContain(CANARY);
    assertThat(gcp.decrypt(keyName, ct, utf8("aad"))).isEqualTo(utf8(CANARY));
    assertThat(KMS.calls() - before).isEqualTo(2);
  }

  @Test
  void decrypt_wrongAadFails() {
    byte[] ct = gcp.encrypt(keyName, utf8(CANARY), utf8("aad-1"));
    assertThatThrownBy(() -> gcp.decrypt(keyName, ct, utf8("aad-2")))
        .isInstanceOf(KmsException.class)
        .hasMessage("gcp-kms Decrypt on key " + keyName + " failed: INVALID_ARGUMENT");
  }

  @Test
  void encrypt_unknownKeyIsNotFound() {
    String missing = "projects/p/locations/l/keyRings/r/cryptoKeys/missing";
    assertThatThrownBy(() -> gcp.encrypt(missing, utf8(CANARY), new byte[0]))
        .isInstanceOf(KmsException.class)
        .hasMessageEndingWith("failed: NOT_FOUND")
        .message()
        .doesNotContain(CANARY);
  }

  @Test
  void encrypt_corruptedResponseChecksumIsRejected() {
    KMS.corruptNextResponse();
    assertThatThrownBy(() -> gcp.encrypt(keyName, utf8(CANARY), new byte[0]))
        .isInstanceOf(KmsException.class)
        .hasMessageContaining("response checksum mismatch");
  }

  @Test
  void decrypt_corruptedResponseChecksumIsRejected() {
    byte[] ct = gcp.encrypt(keyName, utf8(CANARY), new byte[0]);
    KMS.corruptNextResponse();
    assertThatThrownBy(() -> gcp.decrypt(keyName, ct, new byte[0]))
        .isInstanceOf(KmsException.class)
        .hasMessageContaining("response checksum mismatch")
        .message()
        .doesNotContain(CANARY);
  }

  @Test
  void call_slowServerHitsTimeout() {
    try (GcpKms impatient = connect(Duration.ofMillis(300))) {
      KMS.delay(2_000);
      assertThatThrownBy(() -> impatient.encrypt(keyName, utf8("x"), new byte[0]))
          .isInstanceOf(KmsException.class)
          .hasMessageEndingWith("failed: DEADLINE_EXCEEDED");
    } finally {
      KMS.delay(0);
    }
  }

  @Test
  void keyRotation_newPrimaryOldCiphertextsStillDecrypt() {
    byte[] before = gcp.encrypt(keyName, utf8(CANARY), new byte[0]);
    assertThat(gcp.primaryVersion(keyName)).isEqualTo(keyName + "/cryptoKeyVersions/1");
    KMS.rotate(keyName);
    assertThat(gcp.primaryVersion(keyName)).isEqualTo(keyName + "/cryptoKeyVersions/2");
    byte[] after = gcp.encrypt(keyName, utf8(CANARY), new byte[0]);
    assertThat(after).isNotEqualTo(before);
    assertThat(gcp.decrypt(keyName, before, new byte[0])).isEqualTo(utf8(CANARY));
    assertThat(gcp.decrypt(keyName, after, new byte[0])).isEqualTo(utf8(CANARY));
  }

  @Test
  void localKeystore_rotateFromLocalKekToCloudKms() throws Exception {
    Path dir = tmp.resolve("ks");
    LocalKek local = LocalKek.parse(LocalKek.newEncodedKey());
    LocalFileKeystore ks = LocalFileKeystore.open(dir, KekRing.of(local));
    ks.put("anthropic", utf8(CANARY));
    KmsKek cloud = new KmsKek(gcp, keyName);
    assertThat(ks.rotateKek(cloud).rewrapped()).containsExactly("anthropic");
    ks.retireKek(local.id());
    assertThat(Files.readString(dir.resolve("anthropic.secret"), StandardCharsets.ISO_8859_1))
        .contains("kek gcp-kms:" + keyName)
        .doesNotContain(CANARY);

    try (GcpKms other = connect(Duration.ofSeconds(10))) {
      LocalFileKeystore reopened =
          LocalFileKeystore.open(dir, KekRing.of(new KmsKek(other, keyName)));
      assertThat(reopened.lookup("anthropic"))
          .hasValueSatisfying(v -> assertThat(v).isEqualTo(utf8(CANARY)));
    }
  }

  @Test
  void resolver_gcpKmsRefAndNamedChain() {
    byte[] blob = gcp.encrypt(keyName, utf8(CANARY), new byte[0]);
    String refText = "gcp-kms:" + keyName + "#" + new Ciphertext(blob).format();
    Fingerprinter fp = Fingerprinter.of(new byte[32]);
    SecretResolver resolver =
        SecretResolver.builder(fp)
            .kms(gcp)
            .kmsSecret("tenant-b-anthropic", (GcpKmsRef) SecretRef.parse(refText))
            .build();

    Resolution direct = resolver.resolve(SecretRef.parse(refText));
    assertThat(direct).isInstanceOf(Resolution.Resolved.class);
    assertThat(((Resolution.Resolved) direct).secret().utf8()).isEqualTo(CANARY);
    assertThat(direct.toString())
        .doesNotContain(CANARY)
        .contains(fp.fingerprint(utf8(CANARY)).hex());

    Resolution named = resolver.resolve(SecretRef.parse("tenant-b-anthropic"));
    assertThat(((Resolution.Resolved) named).source()).isEqualTo(SourceKind.KMS);

    // cached: a second resolve makes no RPC
    int calls = KMS.calls();
    resolver.resolve(SecretRef.parse(refText));
    assertThat(KMS.calls()).isEqualTo(calls);

    // BYOK replacement without restart: in-flight keeps the old key, new callers get the new one
    Secret inFlight = ((Resolution.Resolved) named).secret();
    byte[] newBlob = gcp.encrypt(keyName, utf8(CANARY + "-v2"), new byte[0]);
    resolver.putKmsSecret("tenant-b-anthropic", new GcpKmsRef(keyName, new Ciphertext(newBlob)));
    Resolution replaced = resolver.resolve(SecretRef.parse("tenant-b-anthropic"));
    assertThat(((Resolution.Resolved) replaced).secret().utf8()).isEqualTo(CANARY + "-v2");
    assertThat(inFlight.utf8()).isEqualTo(CANARY);
    assertThat(resolver.removeKmsSecret("tenant-b-anthropic")).isTrue();
    assertThat(resolver.resolve(SecretRef.parse("tenant-b-anthropic")))
        .isInstanceOf(Resolution.Unresolved.class);
  }
}
