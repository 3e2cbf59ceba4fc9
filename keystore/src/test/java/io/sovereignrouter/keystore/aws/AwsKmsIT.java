package io.sovereignrouter.keystore.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sovereignrouter.keystore.AwsKmsRef;
import io.sovereignrouter.keystore.Ciphertext;
import io.sovereignrouter.keystore.DataKey;
import io.sovereignrouter.keystore.Fingerprinter;
import io.sovereignrouter.keystore.KekRing;
import io.sovereignrouter.keystore.KmsException;
import io.sovereignrouter.keystore.KmsKek;
import io.sovereignrouter.keystore.LocalFileKeystore;
import io.sovereignrouter.keystore.LocalKek;
import io.sovereignrouter.keystore.Resolution;
import io.sovereignrouter.keystore.RotationReport;
import io.sovereignrouter.keystore.Secret;
import io.sovereignrouter.keystore.SecretRef;
import io.sovereignrouter.keystore.SecretResolver;
import io.sovereignrouter.keystore.SourceKind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * The AWS SDK v2 against moto's KMS emulator (real JSON-over-HTTP protocol, SigV4-signed). Keys are
 * created through the SDK as an operator would; nothing here stubs our own interfaces.
 */
class AwsKmsIT {
  @RegisterExtension static final MotoServer MOTO = new MotoServer();

  private static final String CANARY = "sk-CANARY-aws-3c9f1e77d2";
  private static final String REGION = "eu-central-1";

  @TempDir Path tmp;

  private KmsClient admin;
  private AwsKms kms;
  private String keyArn;

  private static StaticCredentialsProvider creds() {
    return StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing"));
  }

  @BeforeEach
  void setUp() {
    admin =
        KmsClient.builder()
            .region(Region.of(REGION))
            .endpointOverride(MOTO.endpoint())
            .credentialsProvider(creds())
            .httpClient(UrlConnectionHttpClient.create())
            .build();
    keyArn = admin.createKey(r -> r.description("sovereign test kek")).keyMetadata().arn();
    kms = AwsKms.connect(REGION, MOTO.endpoint(), creds());
  }

  @AfterEach
  void tearDown() {
    kms.close();
    admin.close();
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void encryptDecrypt_roundTripWithEncryptionContext() {
    byte[] aad = utf8("tenant=a");
    byte[] ct = kms.encrypt(keyArn, utf8(CANARY), aad);
    assertThat(new String(ct, StandardCharsets.ISO_8859_1)).doesNotContain(CANARY);
    assertThat(kms.decrypt(keyArn, ct, aad)).isEqualTo(utf8(CANARY));
  }

  @Test
  void decrypt_wrongEncryptionContextFails() {
    byte[] ct = kms.encrypt(keyArn, utf8(CANARY), utf8("tenant=a"));
    assertThatThrownBy(() -> kms.decrypt(keyArn, ct, utf8("tenant=b")))
        .isInstanceOf(KmsException.class)
        .hasMessageContaining(
            "aws-kms Decrypt on key " + keyArn + " failed: InvalidCiphertextException")
        .message()
        .doesNotContain(CANARY);
  }

  @Test
  void encrypt_unknownKeyFails() {
    String missing =
        "arn:aws:kms:" + REGION + ":123456789012:key/00000000-0000-0000-0000-000000000000";
    assertThatThrownBy(() -> kms.encrypt(missing, utf8(CANARY), new byte[0]))
        .isInstanceOf(KmsException.class)
        .hasMessageContaining("NotFoundException")
        .message()
        .doesNotContain(CANARY);
  }

  @Test
  void generateDataKey_wrappedDecryptsToPlaintext() {
    byte[] aad = utf8("sovereign-dek v1\nx");
    try (DataKey dk = kms.generateDataKey(keyArn, aad)) {
      assertThat(dk.plaintext()).hasSize(32);
      assertThat(kms.decrypt(keyArn, dk.wrapped(), aad)).isEqualTo(dk.plaintext());
    }
  }

  @Test
  void reEncrypt_movesCiphertextToAnotherKeyInsideKms() {
    String key2 = admin.createKey(r -> r.description("destination")).keyMetadata().arn();
    byte[] aad = utf8("sovereign-dek v1\ns");
    byte[] ct = kms.encrypt(keyArn, utf8(CANARY), aad);
    byte[] moved = kms.reEncrypt(keyArn, key2, ct, aad);
    assertThat(kms.decrypt(key2, moved, aad)).isEqualTo(utf8(CANARY));
    // the moved blob names key2: asking key1 to open it is refused
    assertThatThrownBy(() -> kms.decrypt(keyArn, moved, aad)).isInstanceOf(KmsException.class);
    assertThatThrownBy(() -> kms.reEncrypt(keyArn, key2, ct, utf8("other")))
        .isInstanceOf(KmsException.class)
        .hasMessageContaining("ReEncrypt");
  }

  @Test
  void rotation_statusFollowsEnable() {
    assertThat(kms.rotationEnabled(keyArn)).isFalse();
    kms.enableRotation(keyArn);
    assertThat(kms.rotationEnabled(keyArn)).isTrue();
  }

  @Test
  void localKeystore_kmsKekWrapsDataKeys() throws Exception {
    Path dir = tmp.resolve("ks");
    KmsKek kek = new KmsKek(kms, keyArn);
    LocalFileKeystore ks = LocalFileKeystore.open(dir, KekRing.of(kek));
    assertThat(ks.put("openai", utf8(CANARY))).isEqualTo("aws-kms:" + keyArn);
    assertThat(Files.readString(dir.resolve("openai.secret"), StandardCharsets.ISO_8859_1))
        .doesNotContain(CANARY)
        .contains("kek aws-kms:" + keyArn);
    // a second process with its own SDK client reads it back
    try (AwsKms other = AwsKms.connect(REGION, MOTO.endpoint(), creds())) {
      LocalFileKeystore reopened =
          LocalFileKeystore.open(dir, KekRing.of(new KmsKek(other, keyArn)));
      assertThat(reopened.lookup("openai"))
          .hasValueSatisfying(v -> assertThat(v).isEqualTo(utf8(CANARY)));
    }
  }

  @Test
  void rotateKek_localToAwsToSecondAwsKey() {
    Path dir = tmp.resolve("ks");
    LocalKek local = LocalKek.parse(LocalKek.newEncodedKey());
    LocalFileKeystore ks = LocalFileKeystore.open(dir, KekRing.of(local));
    for (int i = 0; i < 4; i++) {
      ks.put("s" + i, utf8(CANARY + i));
    }
    KmsKek aws1 = new KmsKek(kms, keyArn);
    RotationReport r1 = ks.rotateKek(aws1);
    assertThat(r1.rewrapped()).hasSize(4);
    ks.retireKek(local.id());

    String key2 = admin.createKey(r -> r.description("second kek")).keyMetadata().arn();
    KmsKek aws2 = new KmsKek(kms, key2);
    assertThat(ks.rotateKek(aws2).rewrapped()).hasSize(4);
    ks.retireKek(aws1.id());
    assertThat(ks.kekIds().values()).containsOnly("aws-kms:" + key2);

    LocalFileKeystore fresh = LocalFileKeystore.open(dir, KekRing.of(aws2));
    for (int i = 0; i < 4; i++) {
      assertThat(fresh.lookup("s" + i)).hasValueSatisfying(v -> assertThat(v).isNotEmpty());
    }
    assertThat(new String(fresh.lookup("s3").orElseThrow(), StandardCharsets.UTF_8))
        .isEqualTo(CANARY + 3);
  }

  @Test
  void resolver_awsKmsRefAndNamedKmsSecret() {
    // the operator encrypts the provider key with their own tooling (no encryption context)
    byte[] blob =
        admin
            .encrypt(r -> r.keyId(keyArn).plaintext(SdkBytes.fromUtf8String(CANARY)))
            .ciphertextBlob()
            .asByteArray();
    String refText = "aws-kms:" + keyArn + "#" + new Ciphertext(blob).format();
    assertThat(refText).doesNotContain(CANARY);

    Fingerprinter fp = Fingerprinter.of(new byte[32]);
    SecretResolver resolver =
        SecretResolver.builder(fp)
            .kms(kms)
            .kmsSecret("tenant-a-openai", (AwsKmsRef) SecretRef.parse(refText))
            .build();

    Resolution direct = resolver.resolve(SecretRef.parse(refText));
    assertThat(direct).isInstanceOf(Resolution.Resolved.class);
    try (Secret s = ((Resolution.Resolved) direct).secret()) {
      assertThat(s.utf8()).isEqualTo(CANARY);
      assertThat(s.fingerprint()).isEqualTo(fp.fingerprint(utf8(CANARY)));
      assertThat(direct.toString()).doesNotContain(CANARY);
    }

    Resolution named = resolver.resolve(SecretRef.parse("tenant-a-openai"));
    assertThat(named).isInstanceOf(Resolution.Resolved.class);
    assertThat(((Resolution.Resolved) named).source()).isEqualTo(SourceKind.KMS);
    assertThat(((Resolution.Resolved) named).secret().utf8()).isEqualTo(CANARY);
  }

  @Test
  void resolver_tamperedBlobFailsWithoutLeaking() {
    byte[] blob =
        admin
            .encrypt(r -> r.keyId(keyArn).plaintext(SdkBytes.fromUtf8String(CANARY)))
            .ciphertextBlob()
            .asByteArray();
    blob[blob.length - 1] ^= 1;
    SecretRef ref = SecretRef.parse("aws-kms:" + keyArn + "#" + new Ciphertext(blob).format());
    SecretResolver resolver =
        SecretResolver.builder(Fingerprinter.of(new byte[32])).kms(kms).build();
    assertThatThrownBy(() -> resolver.resolve(ref))
        .isInstanceOf(KmsException.class)
        .message()
        .doesNotContain(CANARY);
  }
}
