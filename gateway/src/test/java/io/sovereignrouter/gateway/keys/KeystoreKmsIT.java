package io.sovereignrouter.gateway.keys;

import static org.assertj.core.api.Assertions.assertThat;

import io.sovereignrouter.gateway.TestGateway;
import io.sovereignrouter.keystore.AwsKmsRef;
import io.sovereignrouter.keystore.Ciphertext;
import io.sovereignrouter.keystore.GcpKmsRef;
import io.sovereignrouter.keystore.KekRing;
import io.sovereignrouter.keystore.KmsKek;
import io.sovereignrouter.keystore.LocalFileKeystore;
import io.sovereignrouter.keystore.SecretRef;
import io.sovereignrouter.keystore.aws.AwsKms;
import io.sovereignrouter.keystore.aws.MotoServer;
import io.sovereignrouter.keystore.gcp.FakeCloudKms;
import io.sovereignrouter.keystore.gcp.GcpKms;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * KMS through the gateway's config path ({@code keystore.kek}, {@code keystore.aws-kms}, {@code
 * keystore.gcp-kms}): the real AWS SDK v2 against moto's KMS server, the real Cloud KMS client
 * against an in-test gRPC KeyManagementService. The local keystore's KEK lives in KMS, and {@code
 * aws-kms:}/{@code gcp-kms:} references resolve in the running gateway; each credential
 * authenticates to a loopback upstream that checks it.
 */
class KeystoreKmsIT {
  @RegisterExtension static final MotoServer MOTO = new MotoServer();
  @RegisterExtension static final FakeCloudKms GCP = new FakeCloudKms();

  private static final String REGION = "eu-central-1";
  private static final String GCP_KEY =
      "projects/sovereign-test/locations/europe-west3/keyRings/ring/cryptoKeys/gateway-kek";
  private static final Map<String, String> AWS_ENV =
      Map.of("AWS_ACCESS_KEY_ID", "testing", "AWS_SECRET_ACCESS_KEY", "testing");

  static final KeyCheckingUpstream upstream = new KeyCheckingUpstream();

  @TempDir Path tmp;

  @AfterAll
  static void stopUpstream() {
    upstream.close();
  }

  private static String createAwsKey() {
    try (KmsClient admin =
        KmsClient.builder()
            .region(Region.of(REGION))
            .endpointOverride(MOTO.endpoint())
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
            .httpClient(UrlConnectionHttpClient.create())
            .build()) {
      return admin.createKey(r -> r.description("gateway kek")).keyMetadata().arn();
    }
  }

  private static AwsKms aws() {
    return AwsKms.connect(
        REGION,
        MOTO.endpoint(),
        StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")));
  }

  private static String yaml(String kek, String fileRef, String awsRef, String gcpRef) {
    return """
        server: { event-loops: 1 }
        keystore:
          kek: "%s"
          aws-kms: { region: %s, endpoint: "%s" }
          gcp-kms: { endpoint: "%s", plaintext: true }
          cache-ttl-ms: 60000
        providers:
          - { id: p-file, type: openai-compatible, base-url: "%s", credential: "%s",
              models: [ { id: file-chat } ] }
          - { id: p-aws, type: openai-compatible, base-url: "%s", credential: "%s",
              models: [ { id: aws-chat } ] }
          - { id: p-gcp, type: openai-compatible, base-url: "%s", credential: "%s",
              models: [ { id: gcp-chat } ] }
        """
        .formatted(
            kek,
            REGION,
            MOTO.endpoint(),
            GCP.endpoint(),
            upstream.baseUrl(),
            fileRef,
            upstream.baseUrl(),
            awsRef,
            upstream.baseUrl(),
            gcpRef);
  }

  private static String chat(TestGateway g, String model) {
    HttpResponse<String> r =
        g.postJson(
            "/v1/chat/completions",
            "{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
    assertThat(r.statusCode()).as(model + ": " + r.body()).isEqualTo(200);
    return new JsonObject(r.body())
        .getJsonArray("choices")
        .getJsonObject(0)
        .getJsonObject("message")
        .getString("content");
  }

  @Test
  void awsKmsKek_andKmsReferences_resolveInTheRunningGateway() throws Exception {
    String arn = createAwsKey();
    GCP.createKey(GCP_KEY);
    String fileSecret = "sk-kms-file-7f1e0c2b9a";
    String awsSecret = "sk-kms-aws-43d8aa0e51";
    String gcpSecret = "sk-kms-gcp-c02d9be377";
    upstream.accepted.put(fileSecret, "file");
    upstream.accepted.put(awsSecret, "aws");
    upstream.accepted.put(gcpSecret, "gcp");
    Path data = tmp.resolve("data");
    String awsRef;
    String gcpRef;
    try (AwsKms kms = aws();
        GcpKms gcp = GCP.connect(Duration.ofSeconds(10))) {
      // an operator's `keys put` under a KMS-held KEK
      LocalFileKeystore.open(data.resolve("keystore"), KekRing.of(new KmsKek(kms, arn)))
          .put("upstream-key", fileSecret.getBytes(StandardCharsets.UTF_8));
      awsRef =
          SecretRef.format(
              new AwsKmsRef(
                  arn,
                  new Ciphertext(
                      kms.encrypt(arn, awsSecret.getBytes(StandardCharsets.UTF_8), new byte[0]))));
      gcpRef =
          SecretRef.format(
              new GcpKmsRef(
                  GCP_KEY,
                  new Ciphertext(
                      gcp.encrypt(
                          GCP_KEY, gcpSecret.getBytes(StandardCharsets.UTF_8), new byte[0]))));
    }
    try (TestGateway g =
        TestGateway.start(
            data, yaml("aws-kms:" + arn, "file:upstream-key", awsRef, gcpRef), AWS_ENV)) {
      assertThat(chat(g, "file-chat")).isEqualTo("key=file");
      assertThat(chat(g, "aws-chat")).isEqualTo("key=aws");
      assertThat(chat(g, "gcp-chat")).isEqualTo("key=gcp");
    }
    try (Stream<Path> files = Files.walk(data)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        assertThat(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1))
            .as(f.toString())
            .doesNotContain(fileSecret)
            .doesNotContain(awsSecret)
            .doesNotContain(gcpSecret);
      }
    }
  }

  @Test
  void gcpKmsKek_opensTheLocalKeystore() throws Exception {
    String name = GCP_KEY + "-2";
    GCP.createKey(name);
    String secret = "sk-kms-gcpkek-5be19d0c44";
    upstream.accepted.put(secret, "gcp-kek");
    Path data = tmp.resolve("data2");
    try (GcpKms gcp = GCP.connect(Duration.ofSeconds(10))) {
      LocalFileKeystore.open(data.resolve("keystore"), KekRing.of(new KmsKek(gcp, name)))
          .put("upstream-key", secret.getBytes(StandardCharsets.UTF_8));
    }
    String unused = "env:UNUSED_KEY";
    try (TestGateway g =
        TestGateway.start(
            data,
            yaml("gcp-kms:" + name, "file:upstream-key", unused, unused),
            Map.of(
                "UNUSED_KEY",
                "sk-unused-000000",
                "AWS_ACCESS_KEY_ID",
                "testing",
                "AWS_SECRET_ACCESS_KEY",
                "testing"))) {
      assertThat(chat(g, "file-chat")).isEqualTo("key=gcp-kek");
    }
  }
}
