package io.sovereignrouter.keystore;

import static org.assertj.core.api.Assertions.assertThat;

import io.sovereignrouter.keystore.aws.AwsKms;
import io.sovereignrouter.keystore.aws.MotoServer;
import io.sovereignrouter.keystore.gcp.FakeCloudKms;
import io.sovereignrouter.keystore.gcp.GcpKms;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * Issue 7 §5 at the keystore boundary: one recognisable canary secret in every source (local
 * keystore, environment, AWS KMS via moto, Cloud KMS via the in-test gRPC server), resolved
 * successfully and through failures (tampering, wrong key, wrong associated data, corrupted
 * responses, missing driver). Every toString, exception message and stack trace (causes included),
 * everything printed to stdout/stderr, and every keystore file must be free of the canary in plain,
 * base64 and hex form; fingerprints are what remain.
 */
class CanaryIT {
  @RegisterExtension static final MotoServer MOTO = new MotoServer();
  @RegisterExtension static final FakeCloudKms GCP = new FakeCloudKms();

  private static final String CANARY = "sk-CANARY-everywhere-5d1f0b9e72";
  private static final String GCP_KEY = "projects/p/locations/l/keyRings/r/cryptoKeys/canary";

  @TempDir Path tmp;

  private final List<String> observed = new ArrayList<>();

  private void see(Object o) {
    observed.add(String.valueOf(o));
  }

  private void failing(Supplier<?> action) {
    try {
      see(action.get());
    } catch (RuntimeException e) {
      StringWriter w = new StringWriter();
      e.printStackTrace(new PrintWriter(w));
      see(e.getMessage());
      see(w);
      return;
    }
    throw new AssertionError("expected a failure");
  }

  @Test
  void canary_neverLeavesTheKeystore() throws Exception {
    byte[] canary = CANARY.getBytes(StandardCharsets.UTF_8);
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    PrintStream capture = new PrintStream(printed, true, StandardCharsets.UTF_8);
    System.setOut(capture);
    System.setErr(capture);
    Fingerprinter fp = Fingerprinter.of(new byte[32]);
    try (AwsKms aws =
            AwsKms.connect(
                "us-east-1",
                MOTO.endpoint(),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("t", "t")));
        GcpKms gcp = GCP.connect(Duration.ofSeconds(10))) {
      GCP.createKey(GCP_KEY);
      String awsKey = createAwsKey();
      LocalKek kek = LocalKek.parse(LocalKek.newEncodedKey());
      Path dir = tmp.resolve("ks");
      LocalFileKeystore ks = LocalFileKeystore.open(dir, KekRing.of(kek));
      ks.put("canary", canary);
      AwsKmsRef awsRef =
          new AwsKmsRef(awsKey, new Ciphertext(aws.encrypt(awsKey, canary, new byte[0])));
      GcpKmsRef gcpRef =
          new GcpKmsRef(GCP_KEY, new Ciphertext(gcp.encrypt(GCP_KEY, canary, new byte[0])));
      SecretResolver resolver =
          SecretResolver.builder(fp)
              .localFile(ks)
              .env(EnvSecretSource.of(Map.of("CANARY_ENV", CANARY)))
              .kms(aws)
              .kms(gcp)
              .kmsSecret("canary-aws", awsRef)
              .kmsSecret("canary-gcp", gcpRef)
              .build();

      // successful resolutions through every source
      for (String ref :
          List.of(
              "file:canary",
              "canary",
              "env:CANARY_ENV",
              "canary-env",
              "canary-aws",
              "canary-gcp",
              SecretRef.format(awsRef),
              SecretRef.format(gcpRef))) {
        Resolution r = resolver.resolve(SecretRef.parse(ref));
        assertThat(r).as(ref).isInstanceOf(Resolution.Resolved.class);
        Secret s = ((Resolution.Resolved) r).secret();
        assertThat(s.matches(canary)).as(ref).isTrue();
        assertThat(s.fingerprint()).isEqualTo(fp.fingerprint(canary));
        see(r);
        see(s);
        see(SecretRef.parse(ref));
        s.close();
      }
      see(resolver.fingerprint(SecretRef.parse("canary")));
      see(ks);
      see(ks.kekIds());
      see(resolver);
      see(aws);
      see(gcp);
      see(kek);
      see(new KmsKek(aws, awsKey));

      // failures
      failing(
          () ->
              LocalFileKeystore.open(dir, KekRing.of(LocalKek.parse(LocalKek.newEncodedKey())))
                  .lookup("canary"));
      failing(() -> LocalFileKeystore.open(tmp.resolve("nokek")).put("x", canary));
      byte[] awsBlob = awsRef.ciphertext().bytes();
      awsBlob[awsBlob.length - 1] ^= 1;
      failing(() -> resolver.resolve(new AwsKmsRef(awsKey, new Ciphertext(awsBlob))));
      failing(
          () ->
              aws.decrypt(
                  awsKey, awsRef.ciphertext().bytes(), "wrong".getBytes(StandardCharsets.UTF_8)));
      failing(
          () ->
              gcp.decrypt(
                  GCP_KEY, gcpRef.ciphertext().bytes(), "wrong".getBytes(StandardCharsets.UTF_8)));
      GCP.corruptNextResponse();
      failing(() -> gcp.decrypt(GCP_KEY, gcpRef.ciphertext().bytes(), new byte[0]));
      failing(() -> SecretResolver.builder(fp).build().resolve(awsRef));
      failing(() -> SecretRef.parse(CANARY + ":x"));
      Path entry = dir.resolve("canary.secret");
      String text = Files.readString(entry);
      Files.writeString(entry, text.replace("\nct ", "\nct AAAA"));
      resolver.invalidateAll();
      failing(() -> resolver.resolve(SecretRef.parse("file:canary")));

      try (Stream<Path> files = Files.walk(dir)) {
        for (Path f : files.filter(Files::isRegularFile).toList()) {
          see(Files.readString(f, StandardCharsets.ISO_8859_1));
        }
      }
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
    see(printed.toString(StandardCharsets.UTF_8));

    List<String> forms =
        List.of(
            CANARY,
            Base64.getEncoder().encodeToString(canary),
            Base64.getUrlEncoder().withoutPadding().encodeToString(canary),
            HexFormat.of().formatHex(canary));
    assertThat(observed).hasSizeGreaterThan(30);
    for (String o : observed) {
      for (String form : forms) {
        assertThat(o).doesNotContain(form);
      }
    }
    assertThat(String.join("\n", observed)).contains(fp.fingerprint(canary).hex());
  }

  private static String createAwsKey() {
    try (var admin =
        software.amazon.awssdk.services.kms.KmsClient.builder()
            .region(software.amazon.awssdk.regions.Region.US_EAST_1)
            .endpointOverride(MOTO.endpoint())
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("t", "t")))
            .httpClient(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.create())
            .build()) {
      return admin.createKey(r -> r.description("canary")).keyMetadata().arn();
    }
  }
}
