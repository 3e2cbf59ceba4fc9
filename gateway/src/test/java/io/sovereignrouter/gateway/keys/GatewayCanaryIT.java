package io.sovereignrouter.gateway.keys;

import static org.assertj.core.api.Assertions.assertThat;

import io.sovereignrouter.gateway.Main;
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
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * Issue 7 §5, gateway level: a recognisable canary in every keystore source — the local keystore
 * ({@code file:}, its KEK in AWS KMS), the environment ({@code env:}), AWS KMS ({@code aws-kms:}
 * via moto), Cloud KMS ({@code gcp-kms:}, in-test gRPC server), and a provider credential set
 * through the admin API — while a gateway child process serves traffic including failures (upstream
 * 401 and 500, bad input, bad tenant keys, admin errors, a leak-scan finding on a canary pasted
 * into a prompt). No canary may appear in the process's stdout/stderr, any response body (errors,
 * attestations, decoded DSSE payloads), the admin API, {@code GET /metrics}, the OTLP trace exports
 * (span names and attributes), or any file of the data directory.
 */
class GatewayCanaryIT {
  @RegisterExtension static final MotoServer MOTO = new MotoServer();
  @RegisterExtension static final FakeCloudKms GCP = new FakeCloudKms();

  private static final String REGION = "eu-central-1";
  private static final String GCP_KEY =
      "projects/sovereign-test/locations/europe-west3/keyRings/ring/cryptoKeys/canary";
  private static final Pattern DATA_PLANE =
      Pattern.compile("data plane\\s+http://127.0.0.1:(\\d+)/v1");
  private static final Pattern ADMIN = Pattern.compile("admin\\s+http://127.0.0.1:(\\d+)/admin");

  static final KeyCheckingUpstream upstream = new KeyCheckingUpstream();

  /** A loopback OTLP/HTTP collector: the trace exports are searched too. */
  static final io.vertx.core.Vertx collectorVertx = io.vertx.core.Vertx.vertx();

  static final List<String> exports = new java.util.concurrent.CopyOnWriteArrayList<>();
  static final io.vertx.core.http.HttpServer collector =
      collectorVertx
          .createHttpServer()
          .requestHandler(
              req ->
                  req.body()
                      .onSuccess(
                          body -> {
                            exports.add(body.toString(StandardCharsets.ISO_8859_1));
                            req.response()
                                .putHeader("Content-Type", "application/x-protobuf")
                                .end();
                          }))
          .listen(0, "127.0.0.1")
          .await();

  @TempDir Path tmp;

  private final HttpClient http = HttpClient.newHttpClient();
  private final List<String> corpus = new ArrayList<>();

  @AfterAll
  static void stopUpstream() {
    upstream.close();
    collectorVertx.close().await();
  }

  /** An OpenAI project-key-shaped canary, so the leak scan recognises one pasted into a prompt. */
  private static String canary(String source) {
    byte[] b = new byte[96];
    new SecureRandom().nextBytes(b);
    return "sk-proj-CANARY" + source + Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  private HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
    HttpResponse<String> r =
        http.send(b.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    corpus.add(r.uri() + " " + r.statusCode() + " " + r.headers().map() + "\n" + r.body());
    return r;
  }

  @Test
  void canaries_appearInNoLogMetricErrorAdminResponseOrAttestation() throws Exception {
    Map<String, String> canaries = new LinkedHashMap<>();
    for (String s : List.of("File", "Env", "Aws", "Gcp", "Managed", "Rejected")) {
      canaries.put(s, canary(s));
    }
    upstream.accepted.put(canaries.get("File"), "file");
    upstream.accepted.put(canaries.get("Env"), "env");
    upstream.accepted.put(canaries.get("Aws"), "aws");
    upstream.accepted.put(canaries.get("Gcp"), "gcp");
    upstream.accepted.put(canaries.get("Managed"), "managed");
    upstream.failing.put("boom-chat", 500);

    String arn;
    try (KmsClient admin =
        KmsClient.builder()
            .region(Region.of(REGION))
            .endpointOverride(MOTO.endpoint())
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
            .httpClient(UrlConnectionHttpClient.create())
            .build()) {
      arn = admin.createKey(r -> r.description("canary kek")).keyMetadata().arn();
    }
    GCP.createKey(GCP_KEY);
    Path data = tmp.resolve("data");
    String awsRef;
    String gcpRef;
    try (AwsKms kms =
            AwsKms.connect(
                REGION,
                MOTO.endpoint(),
                StaticCredentialsProvider.create(
                    AwsBasicCredentials.create("testing", "testing")));
        GcpKms gcp = GCP.connect(Duration.ofSeconds(10))) {
      LocalFileKeystore.open(data.resolve("keystore"), KekRing.of(new KmsKek(kms, arn)))
          .put("canary-file", canaries.get("File").getBytes(StandardCharsets.UTF_8));
      awsRef =
          SecretRef.format(
              new AwsKmsRef(
                  arn,
                  new Ciphertext(
                      kms.encrypt(
                          arn,
                          canaries.get("Aws").getBytes(StandardCharsets.UTF_8),
                          new byte[0]))));
      gcpRef =
          SecretRef.format(
              new GcpKmsRef(
                  GCP_KEY,
                  new Ciphertext(
                      gcp.encrypt(
                          GCP_KEY,
                          canaries.get("Gcp").getBytes(StandardCharsets.UTF_8),
                          new byte[0]))));
    }
    String u = upstream.baseUrl();
    Path config = tmp.resolve("sovereign.yaml");
    Files.writeString(
        config,
        """
        server: { event-loops: 1 }
        keystore:
          kek: "aws-kms:%s"
          aws-kms: { region: %s, endpoint: "%s" }
          gcp-kms: { endpoint: "%s", plaintext: true }
        leak-scan: { action: redact }
        telemetry: { otlp-endpoint: "http://127.0.0.1:%d/v1/traces", service-name: sovereign-canary }
        providers:
          - { id: p-file, type: openai-compatible, base-url: "%s", credential: "file:canary-file",
              models: [ { id: file-chat } ] }
          - { id: p-env, type: openai-compatible, base-url: "%s", credential: "env:CANARY_ENV_KEY",
              models: [ { id: env-chat }, { id: boom-chat } ] }
          - { id: p-aws, type: openai-compatible, base-url: "%s", credential: "%s",
              models: [ { id: aws-chat } ] }
          - { id: p-gcp, type: openai-compatible, base-url: "%s", credential: "%s",
              models: [ { id: gcp-chat } ] }
          - { id: p-reject, type: openai-compatible, base-url: "%s",
              credential: "env:CANARY_REJECTED_KEY", models: [ { id: reject-chat } ] }
        """
            .formatted(
                arn,
                REGION,
                MOTO.endpoint(),
                GCP.endpoint(),
                collector.actualPort(),
                u,
                u,
                u,
                awsRef,
                u,
                gcpRef,
                u));

    Path out = tmp.resolve("gateway.out");
    Path err = tmp.resolve("gateway.err");
    ProcessBuilder pb =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED",
                "-Xmx384m",
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "up",
                "--config",
                config.toString(),
                "--data-dir",
                data.toString(),
                "--port",
                "0",
                "--admin-port",
                "0")
            .redirectOutput(out.toFile())
            .redirectError(err.toFile());
    pb.environment().put("AWS_ACCESS_KEY_ID", "testing");
    pb.environment().put("AWS_SECRET_ACCESS_KEY", "testing");
    pb.environment().put("CANARY_ENV_KEY", canaries.get("Env"));
    pb.environment().put("CANARY_MANAGED_KEY", canaries.get("Managed"));
    pb.environment().put("CANARY_REJECTED_KEY", canaries.get("Rejected"));
    Process gateway = pb.start();
    try {
      int[] ports = awaitPorts(gateway, out, err);
      String origin = "http://127.0.0.1:" + ports[0];
      String adminOrigin = "http://127.0.0.1:" + ports[1];
      String demo = Files.readString(data.resolve("demo.key")).trim();
      String token = Files.readString(data.resolve("admin.token")).trim();
      drive(origin, adminOrigin, demo, token, canaries);
      for (int i = 0; i < 100 && !String.join("", exports).contains("sovereign.attest"); i++) {
        Thread.sleep(100);
      }
    } finally {
      gateway.destroy(); // SIGTERM: the shutdown path logs too
      if (!gateway.waitFor(30, TimeUnit.SECONDS)) {
        gateway.destroyForcibly().waitFor();
      }
    }
    assertThat(String.join("", exports)).as("spans exported").contains("sovereign.attest");
    corpus.addAll(exports);
    corpus.add("stdout:\n" + Files.readString(out));
    corpus.add("stderr:\n" + Files.readString(err));
    int files = 0;
    try (Stream<Path> walk = Files.walk(data)) {
      for (Path f : walk.filter(Files::isRegularFile).toList()) {
        corpus.add(f + ":\n" + new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
        files++;
      }
    }
    String everything = String.join("\n", corpus);
    System.out.printf(
        "canary: %d canaries, %d captured texts (%d responses and decoded DSSE payloads, %d OTLP"
            + " trace exports, stdout %d B, stderr %d B, %d data files), %d chars searched%n",
        canaries.size(),
        corpus.size(),
        corpus.size() - 2 - files - exports.size(),
        exports.size(),
        Files.size(out),
        Files.size(err),
        files,
        everything.length());
    for (Map.Entry<String, String> c : canaries.entrySet()) {
      assertThat(everything).as("canary " + c.getKey()).doesNotContain(c.getValue());
      // also not the unique random part alone (e.g. a truncated or re-prefixed echo)
      assertThat(everything)
          .as("canary " + c.getKey() + " body")
          .doesNotContain(c.getValue().substring(20, 60));
    }
    assertThat(Files.readString(err) + Files.readString(out)).contains("request");
  }

  private void drive(
      String origin, String adminOrigin, String demo, String token, Map<String, String> canaries)
      throws Exception {
    List<String> routeDecisions = new ArrayList<>();
    // served through every source
    for (String model : List.of("file-chat", "env-chat", "aws-chat", "gcp-chat")) {
      HttpResponse<String> r = chat(origin, demo, model, "hello");
      assertThat(r.statusCode()).as(model + ": " + r.body()).isEqualTo(200);
      r.headers().firstValue("X-SF-Route-Decision").ifPresent(routeDecisions::add);
    }
    // upstream failures: a refused key (401) and a 500
    int refusedBefore = upstream.rejected.get();
    assertThat(chat(origin, demo, "reject-chat", "hello").statusCode()).isGreaterThanOrEqualTo(400);
    assertThat(upstream.rejected.get())
        .as("the upstream refused the key")
        .isGreaterThan(refusedBefore);
    assertThat(chat(origin, demo, "boom-chat", "hello").statusCode()).isGreaterThanOrEqualTo(500);
    // a canary pasted into a prompt: a leak-scan finding, redacted before the provider
    HttpResponse<String> leaked =
        chat(origin, demo, "env-chat", "debug this: my key is " + canaries.get("Env") + " thanks");
    assertThat(leaked.statusCode()).as(leaked.body()).isEqualTo(200);
    leaked.headers().firstValue("X-SF-Route-Decision").ifPresent(routeDecisions::add);
    // bad input and bad credentials
    post(origin + "/v1/chat/completions", demo, "{not json");
    post(origin + "/v1/chat/completions", demo, "{\"model\":\"env-chat\"}");
    chat(origin, demo, "no-such-model", "hello");
    chat(origin, "sk-router-bogus_" + canaries.get("Env").substring(14, 40), "env-chat", "hi");
    chat(origin, canaries.get("Env"), "env-chat", "hi");
    // admin: a key pasted where a reference belongs, an unresolvable one, then a managed BYOK key
    String pasted =
        Admin.provider("p-bad", "bad-chat", upstream.baseUrl(), canaries.get("Managed"), 0);
    assertThat(admin("POST", adminOrigin + "/admin/v1/providers", token, pasted).statusCode())
        .isEqualTo(400);
    admin(
        "POST",
        adminOrigin + "/admin/v1/providers",
        token,
        Admin.provider("p-bad", "bad-chat", upstream.baseUrl(), "env:CANARY_MISSING", 0));
    admin(
        "POST",
        adminOrigin + "/admin/v1/providers",
        token,
        Admin.provider(
            "p-managed", "managed-chat", upstream.baseUrl(), "file:" + canaries.get("File"), 0));
    HttpResponse<String> managed =
        admin(
            "POST",
            adminOrigin + "/admin/v1/providers",
            token,
            Admin.provider(
                "p-managed", "managed-chat", upstream.baseUrl(), "env:CANARY_MANAGED_KEY", 0));
    assertThat(managed.statusCode()).as(managed.body()).isEqualTo(201);
    HttpResponse<String> viaManaged = chat(origin, demo, "managed-chat", "hello");
    assertThat(viaManaged.statusCode()).as(viaManaged.body()).isEqualTo(200);
    viaManaged.headers().firstValue("X-SF-Route-Decision").ifPresent(routeDecisions::add);
    admin("GET", adminOrigin + "/admin/v1/nope", "sk-admin-wrong", null);
    // everything the admin API and the log show
    admin("GET", adminOrigin + "/admin/v1/providers", token, null);
    HttpResponse<String> tenants = admin("GET", adminOrigin + "/admin/v1/tenants", token, null);
    for (Object t : new JsonObject(tenants.body()).getJsonArray("data")) {
      String id = ((JsonObject) t).getString("id");
      admin("GET", adminOrigin + "/admin/v1/tenants/" + id, token, null);
      admin("GET", adminOrigin + "/admin/v1/tenants/" + id + "/keys", token, null);
    }
    admin("GET", adminOrigin + "/admin/v1/usage", token, null);
    admin("GET", adminOrigin + "/metrics", token, null);
    send(HttpRequest.newBuilder(URI.create(origin + "/log/checkpoint")));
    for (String rd : routeDecisions) {
      HttpResponse<String> a =
          send(
              HttpRequest.newBuilder(URI.create(origin + "/v1/attestations/" + rd))
                  .header("Authorization", "Bearer " + demo));
      if (a.statusCode() == 200) {
        JsonObject envelope = new JsonObject(a.body()).getJsonObject("envelope");
        if (envelope != null && envelope.getString("payload") != null) {
          corpus.add(
              new String(
                  Base64.getDecoder().decode(envelope.getString("payload")),
                  StandardCharsets.UTF_8));
        }
      }
    }
    assertThat(routeDecisions).hasSizeGreaterThanOrEqualTo(5);
  }

  private HttpResponse<String> chat(String origin, String key, String model, String content)
      throws Exception {
    HttpResponse<String> r =
        post(
            origin + "/v1/chat/completions",
            key,
            new JsonObject()
                .put("model", model)
                .put(
                    "messages",
                    new io.vertx.core.json.JsonArray()
                        .add(new JsonObject().put("role", "user").put("content", content)))
                .encode());
    if (r.statusCode() == 200) {
      JsonObject att = new JsonObject(r.body()).getJsonObject("_sf_attestation");
      if (att != null && att.getJsonObject("envelope") != null) {
        corpus.add(
            new String(
                Base64.getDecoder().decode(att.getJsonObject("envelope").getString("payload")),
                StandardCharsets.UTF_8));
      }
    }
    return r;
  }

  private HttpResponse<String> post(String url, String key, String body) throws Exception {
    return send(
        HttpRequest.newBuilder(URI.create(url))
            .header("Authorization", "Bearer " + key)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private HttpResponse<String> admin(String method, String url, String token, String body)
      throws Exception {
    return send(
        HttpRequest.newBuilder(URI.create(url))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body)));
  }

  private static int[] awaitPorts(Process p, Path out, Path err) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
    while (Instant.now().isBefore(deadline)) {
      if (!p.isAlive()) {
        throw new IllegalStateException("gateway exited: " + Files.readString(err));
      }
      String text = Files.readString(out);
      Matcher d = DATA_PLANE.matcher(text);
      Matcher a = ADMIN.matcher(text);
      if (d.find() && a.find()) {
        return new int[] {Integer.parseInt(d.group(1)), Integer.parseInt(a.group(1))};
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("gateway did not start: " + Files.readString(err));
  }
}
