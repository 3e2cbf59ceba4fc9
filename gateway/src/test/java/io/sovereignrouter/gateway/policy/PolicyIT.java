package io.sovereignrouter.gateway.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.sovereignrouter.gateway.GatewayExtension;
import io.sovereignrouter.gateway.TestGateway;
import io.sovereignrouter.gateway.provider.FakeOpenAiUpstream;
import io.sovereignrouter.policy.WitnessEnvelope;
import io.sovereignrouter.policy.WitnessSigner;
import io.sovereignrouter.policy.WitnessStatement;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Stage 3 end to end: named policies chosen with {@code X-SF-Policy}, tiers earned only through
 * verified, unexpired witness statements, denials before any provider call, and the decision in
 * headers and the attestation.
 */
class PolicyIT {
  static final FakeOpenAiUpstream upstream = new FakeOpenAiUpstream();
  static final String SEALED_HASH = hash('a');
  static final String STANDARD_HASH = hash('b');
  static final String EXPIRED_HASH = hash('c');
  static Path statements;

  @RegisterExtension
  static final GatewayExtension running = GatewayExtension.of(PolicyIT::config, Map.of());

  static String hash(char c) {
    return "sha256:" + String.valueOf(c).repeat(64);
  }

  /** A witness key, three statements (sealed + HIPAA, standard, expired), and providers. */
  static String config() {
    try {
      statements = Files.createTempDirectory("witness-");
      KeyPair witness = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
      WitnessSigner signer = new WitnessSigner("w1", witness.getPrivate());
      Instant later =
          Instant.now()
              .plus(Duration.ofDays(30))
              .truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
      write(
          "sealed",
          signer.sign(
              new WitnessStatement(
                  SEALED_HASH,
                  List.of("no-training", "no-retention", "attested-runtime", "hipaa-baa"),
                  later)));
      write(
          "standard",
          signer.sign(new WitnessStatement(STANDARD_HASH, List.of("no-training"), later)));
      write(
          "expired",
          signer.sign(
              new WitnessStatement(
                  EXPIRED_HASH, List.of("no-training"), later.minus(Duration.ofDays(31)))));
      byte[] encoded = witness.getPublic().getEncoded();
      String raw =
          Base64.getEncoder()
              .encodeToString(Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length));
      return """
          server: { event-loops: 1 }
          routing: { health: { breaker: { enabled: false } } }
          witnesses:
            trusted-keys: [ { id: w1, public-key: "%s" } ]
            statements: [ "%s", "%s", "%s" ]
          providers:
            - id: onprem-vllm
              type: mock
              models:
                - { id: clinical-chat, model-hash: "%s" }
            # Not among standard's preferred providers, though first by configured priority.
            - id: local-fast
              type: mock
              priority: 0
              models:
                - { id: ranked-chat, model-hash: "%s" }
            - id: openai
              type: openai-compatible
              priority: 1
              base-url: http://127.0.0.1:%d/v1
              models:
                - { id: ranked-chat, upstream: echo-model, model-hash: "%s" }
                - { id: clinical-chat, upstream: echo-model, model-hash: "%s" }
                - { id: business-chat, upstream: echo-model, model-hash: "%s" }
                - { id: stale-chat, upstream: echo-model, model-hash: "%s" }
          """
          .formatted(
              raw,
              statements.resolve("sealed.json"),
              statements.resolve("standard.json"),
              statements.resolve("expired.json"),
              SEALED_HASH,
              STANDARD_HASH,
              upstream.port(),
              STANDARD_HASH,
              STANDARD_HASH,
              STANDARD_HASH,
              EXPIRED_HASH);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static void write(String name, WitnessEnvelope envelope) throws IOException {
    Files.writeString(statements.resolve(name + ".json"), envelope.format());
  }

  @AfterAll
  static void stop() {
    upstream.close();
  }

  static HttpResponse<String> chat(String model, Map<String, String> headers) {
    TestGateway g = running.get();
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(g.origin() + "/v1/chat/completions"))
            .header("Authorization", "Bearer " + g.demoKey())
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "{\"model\":\""
                        + model
                        + "\",\"max_tokens\":20,"
                        + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"));
    headers.forEach(b::header);
    return g.send(b.build());
  }

  static JsonObject error(HttpResponse<String> r) {
    return new JsonObject(r.body()).getJsonObject("error");
  }

  @Test
  void standard_servesTheWitnessedModel_andAttestsTheDecision() {
    HttpResponse<String> r = chat("business-chat", Map.of("X-SF-Policy", "standard"));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(r.headers().firstValue("X-SF-Policy")).contains("standard");
    assertThat(r.headers().firstValue("X-SF-Tier")).contains("standard");
    JsonObject a = new JsonObject(r.body()).getJsonObject("_sf_attestation");
    assertThat(a.getString("policy_id")).isEqualTo("standard");
    assertThat(a.getString("policy_digest")).startsWith("sha256:");
    assertThat(a.getString("policy_input_digest")).startsWith("sha256:");
    assertThat(a.getString("tier_required")).isEqualTo("standard");
    assertThat(a.getString("tier_observed")).isEqualTo("standard");
    assertThat(a.getString("model_hash")).isEqualTo(STANDARD_HASH);
    assertThat(a.getJsonArray("witnesses")).containsExactly("no-training");
  }

  @Test
  void expiredWitness_lowersTheTier_deniedBeforeAnyProviderCall_withReasons() {
    int before = upstream.received.size();
    HttpResponse<String> r = chat("stale-chat", Map.of("X-SF-Policy", "standard"));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(403);
    JsonObject e = error(r);
    assertThat(e.getString("code")).isEqualTo("policy_violation");
    JsonArray reasons = e.getJsonArray("reasons");
    assertThat(reasons.stream().map(o -> ((JsonObject) o).getString("code")))
        .contains("no_qualifying_candidate", "tier_below_required", "witness_expired");
    assertThat(r.headers().firstValue("X-SF-Route-Decision")).isPresent();
    assertThat(upstream.received.size()).as("the provider saw zero requests").isEqualTo(before);
  }

  @Test
  void clinicalStrict_needsAnAllowedOrigin_thenServesOnlySealedHipaaCandidates() {
    HttpResponse<String> noOrigin = chat("clinical-chat", Map.of("X-SF-Policy", "clinical-strict"));
    assertThat(noOrigin.statusCode()).isEqualTo(403);
    assertThat(error(noOrigin).getJsonArray("reasons").encode()).contains("origin_not_allowed");

    int before = upstream.received.size();
    HttpResponse<String> ok =
        chat(
            "clinical-chat",
            Map.of("X-SF-Policy", "clinical-strict", "Origin", "https://ehr.clinic.example"));
    assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
    assertThat(ok.headers().firstValue("X-SF-Provider")).contains("onprem-vllm");
    assertThat(ok.headers().firstValue("X-SF-Tier")).contains("sealed");
    JsonObject a = new JsonObject(ok.body()).getJsonObject("_sf_attestation");
    assertThat(a.getString("tier_observed")).isEqualTo("sealed");
    assertThat(a.getJsonArray("witnesses")).contains("hipaa-baa");
    assertThat(upstream.received.size())
        .as("openai serves the same model id but is not an allowed provider")
        .isEqualTo(before);
  }

  @Test
  void standard_walksItsPreferredProviderFirst_overConfiguredPriority() {
    int before = upstream.received.size();
    HttpResponse<String> r = chat("ranked-chat", Map.of("X-SF-Policy", "standard"));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    // standard prefers openai; local-fast (priority 0, a local mock) is not preferred at all.
    assertThat(r.headers().firstValue("X-SF-Provider")).contains("openai");
    assertThat(upstream.received.size()).isEqualTo(before + 1);
  }

  @Test
  void policyHeader_unknown400_notAllowed403() {
    HttpResponse<String> unknown = chat("business-chat", Map.of("X-SF-Policy", "yolo"));
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(error(unknown).getString("code")).isEqualTo("unknown_policy");
    assertThat(error(unknown).getString("param")).isEqualTo("X-SF-Policy");

    TestGateway g = running.get();
    HttpResponse<String> created =
        g.send(
            HttpRequest.newBuilder(URI.create(g.adminOrigin() + "/admin/v1/tenants"))
                .header("Authorization", "Bearer " + g.adminToken())
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"name\":\"narrow\",\"allowed_policies\":[\"standard\"],"
                            + "\"default_policy\":\"standard\"}"))
                .build());
    String id = new JsonObject(created.body()).getString("id");
    String key =
        new JsonObject(
                g.send(
                        HttpRequest.newBuilder(
                                URI.create(g.adminOrigin() + "/admin/v1/tenants/" + id + "/keys"))
                            .header("Authorization", "Bearer " + g.adminToken())
                            .POST(HttpRequest.BodyPublishers.noBody())
                            .build())
                    .body())
            .getString("key");
    HttpResponse<String> denied =
        g.send(
            HttpRequest.newBuilder(URI.create(g.origin() + "/v1/chat/completions"))
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json")
                .header("X-SF-Policy", "dev-open")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"model\":\"business-chat\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"))
                .build());
    assertThat(denied.statusCode()).isEqualTo(403);
    assertThat(error(denied).getString("code")).isEqualTo("policy_not_allowed");
    System.out.println(
        "denied request as a client sees it: "
            + denied.statusCode()
            + " "
            + denied.headers().map()
            + " "
            + denied.body());
    assertThat(HexFormat.of()).isNotNull();
  }
}
