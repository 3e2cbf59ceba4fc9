package io.sovereignrouter.gateway.provider;

import static org.assertj.core.api.Assertions.assertThat;

import io.sovereignrouter.gateway.GatewayExtension;
import io.sovereignrouter.gateway.TestGateway;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The vertex adapter against loopback servers: an OAuth2 token endpoint that verifies the service
 * account's RS256-signed JWT assertion (as Google's does) and a Vertex endpoint that checks the
 * bearer token and answers Gemini and Anthropic-on-Vertex from fixtures.
 */
class VertexProviderIT {
  private static final String TOKEN = "ya29.test-access-token";
  private static final String PROJECT = "sovereign-test-1";
  private static final String LOCATION = "europe-west4";
  static final KeyPair KEYS = rsa();
  static final AtomicInteger tokensIssued = new AtomicInteger();
  static final FixtureServer upstream = new FixtureServer();
  static final Path serviceAccount = writeServiceAccount();
  static final String BASE = "/v1/projects/" + PROJECT + "/locations/" + LOCATION + "/publishers/";

  static {
    upstream.on("POST /token", VertexProviderIT::token);
    upstream.on(
        "POST " + BASE + "google/models/gemini-2.5-flash:generateContent",
        (r, b) ->
            authorized(
                r,
                () ->
                    r.response()
                        .putHeader("Content-Type", "application/json")
                        .end(FixtureServer.fixture("vertex/generate.json"))));
    upstream.on(
        "POST " + BASE + "google/models/gemini-2.5-flash:streamGenerateContent",
        (r, b) ->
            authorized(
                r,
                () -> {
                  assertThat(r.getParam("alt")).isEqualTo("sse");
                  r.response()
                      .putHeader("Content-Type", "text/event-stream")
                      .end(FixtureServer.fixture("vertex/stream.sse"));
                }));
    upstream.on(
        "POST " + BASE + "anthropic/models/claude-sonnet-4-5:rawPredict",
        (r, b) ->
            authorized(
                r,
                () ->
                    r.response()
                        .putHeader("Content-Type", "application/json")
                        .end(FixtureServer.fixture("anthropic/message.json"))));
    upstream.on(
        "POST " + BASE + "anthropic/models/claude-sonnet-4-5:streamRawPredict",
        (r, b) ->
            authorized(
                r,
                () ->
                    r.response()
                        .putHeader("Content-Type", "text/event-stream")
                        .end(FixtureServer.fixture("anthropic/stream.sse"))));
  }

  @RegisterExtension
  static final GatewayExtension running =
      GatewayExtension.of(
          () ->
              """
              providers:
                - id: vertex
                  type: vertex
                  base-url: http://127.0.0.1:%d
                  gcp: { project: %s, location: %s, credentials: "env:T_VERTEX_SA" }
                  models:
                    - { id: flash, upstream: gemini-2.5-flash, capabilities: { vision: true } }
                    - { id: claude-on-vertex, upstream: claude-sonnet-4-5 }
              """
                  .formatted(upstream.port(), PROJECT, LOCATION),
          Map.of("T_VERTEX_SA", readServiceAccount()));

  static TestGateway gateway;

  @BeforeAll
  static void bind() {
    gateway = running.get();
  }

  @AfterAll
  static void stopUpstream() throws Exception {
    upstream.close();
    Files.deleteIfExists(serviceAccount);
  }

  private static String readServiceAccount() {
    try {
      return Files.readString(serviceAccount);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static KeyPair rsa() {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
      g.initialize(2048);
      return g.generateKeyPair();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static Path writeServiceAccount() {
    String pem =
        "-----BEGIN PRIVATE KEY-----\n"
            + Base64.getMimeEncoder(64, "\n".getBytes())
                .encodeToString(KEYS.getPrivate().getEncoded())
            + "\n-----END PRIVATE KEY-----\n";
    JsonObject json =
        new JsonObject()
            .put("type", "service_account")
            .put("project_id", PROJECT)
            .put("private_key_id", "test-key-1")
            .put("private_key", pem)
            .put("client_email", "gateway@" + PROJECT + ".iam.gserviceaccount.com")
            .put("client_id", "1234567890")
            .put("token_uri", "http://127.0.0.1:" + upstream.port() + "/token");
    try {
      Path file = Files.createTempFile("vertex-sa-", ".json");
      Files.writeString(file, json.encode());
      return file;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Issues a token only for a JWT assertion that verifies under the account's public key. */
  private static void token(HttpServerRequest request, Buffer body) {
    String assertion = null;
    for (String pair : body.toString().split("&")) {
      String[] kv = pair.split("=", 2);
      if (kv[0].equals("assertion")) {
        assertion = URLDecoder.decode(kv[1], StandardCharsets.UTF_8);
      }
    }
    if (assertion == null || !jwtValid(assertion)) {
      request.response().setStatusCode(400).end("{\"error\":\"invalid_grant\"}");
      return;
    }
    tokensIssued.incrementAndGet();
    request
        .response()
        .putHeader("Content-Type", "application/json")
        .end(
            new JsonObject()
                .put("access_token", TOKEN)
                .put("expires_in", 3600)
                .put("token_type", "Bearer")
                .encode());
  }

  static boolean jwtValid(String jwt) {
    try {
      String[] parts = jwt.split("\\.");
      Signature rs256 = Signature.getInstance("SHA256withRSA");
      rs256.initVerify((RSAPublicKey) KEYS.getPublic());
      rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
      JsonObject claims =
          new JsonObject(
              new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
      return rs256.verify(Base64.getUrlDecoder().decode(parts[2]))
          && claims.getString("scope", "").contains("cloud-platform")
          && claims.getString("iss").endsWith(".iam.gserviceaccount.com");
    } catch (Exception e) {
      return false;
    }
  }

  private static void authorized(HttpServerRequest request, Runnable answer) {
    if (!("Bearer " + TOKEN).equals(request.getHeader("Authorization"))) {
      request
          .response()
          .setStatusCode(401)
          .putHeader("Content-Type", "application/json")
          .end(
              "{\"error\":{\"code\":401,\"message\":\"Request had invalid authentication credentials.\",\"status\":\"UNAUTHENTICATED\"}}");
      return;
    }
    answer.run();
  }

  @Test
  void gemini_generateContent_translated_bearerFromServiceAccount_tokenReused() {
    int before = tokensIssued.get();
    HttpResponse<String> response =
        gateway.postJson(
            "/v1/chat/completions",
            """
            {"model":"flash","max_tokens":50,"n":1,"response_format":{"type":"json_object"},
             "tools":[{"type":"function","function":{"name":"get_weather","parameters":{"type":"object"}}}],
             "messages":[{"role":"system","content":"Be brief."},
               {"role":"user","content":[{"type":"text","text":"Weather?"},
                 {"type":"image_url","image_url":{"url":"data:image/png;base64,iVBORw0KGgo="}}]},
               {"role":"assistant","content":null,"tool_calls":[{"id":"c1","type":"function","function":{"name":"get_weather","arguments":"{\\"city\\":\\"Porto\\"}"}}]},
               {"role":"tool","tool_call_id":"c1","content":"{\\"temp\\":21}"}]}""");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonObject sent =
        upstream
            .last(BASE + "google/models/gemini-2.5-flash:generateContent")
            .body()
            .toJsonObject();
    assertThat(
            sent.getJsonObject("systemInstruction")
                .getJsonArray("parts")
                .getJsonObject(0)
                .getString("text"))
        .isEqualTo("Be brief.");
    assertThat(sent.getJsonObject("generationConfig").getInteger("maxOutputTokens")).isEqualTo(50);
    assertThat(sent.getJsonObject("generationConfig").getString("responseMimeType"))
        .isEqualTo("application/json");
    JsonArray contents = sent.getJsonArray("contents");
    assertThat(contents.stream().map(c -> ((JsonObject) c).getString("role")).toList())
        .containsExactly("user", "model", "user");
    assertThat(
            contents
                .getJsonObject(0)
                .getJsonArray("parts")
                .getJsonObject(1)
                .getJsonObject("inlineData")
                .getString("mimeType"))
        .isEqualTo("image/png");
    JsonObject fr =
        contents
            .getJsonObject(2)
            .getJsonArray("parts")
            .getJsonObject(0)
            .getJsonObject("functionResponse");
    assertThat(fr.getString("name")).isEqualTo("get_weather");
    assertThat(fr.getJsonObject("response").getInteger("temp")).isEqualTo(21);

    JsonObject completion = new JsonObject(response.body());
    JsonObject choice = completion.getJsonArray("choices").getJsonObject(0);
    assertThat(choice.getString("finish_reason")).isEqualTo("tool_calls");
    assertThat(choice.getJsonObject("message").getString("content"))
        .isEqualTo("It is sunny in Lisbon. ");
    assertThat(
            choice
                .getJsonObject("message")
                .getJsonArray("tool_calls")
                .getJsonObject(0)
                .getJsonObject("function")
                .getString("arguments"))
        .isEqualTo("{\"city\":\"Lisbon\"}");
    assertThat(completion.getJsonObject("usage").getInteger("total_tokens")).isEqualTo(43);

    gateway.postJson(
        "/v1/chat/completions",
        "{\"model\":\"flash\",\"messages\":[{\"role\":\"user\",\"content\":\"again\"}]}");
    assertThat(tokensIssued.get() - before)
        .as("token minted at most once for two calls")
        .isLessThanOrEqualTo(1);
    assertThat(tokensIssued.get()).isPositive();
  }

  @Test
  void gemini_stream_toChunks_noTerminatorNeeded() {
    HttpResponse<String> response =
        gateway.postJson(
            "/v1/chat/completions",
            "{\"model\":\"flash\",\"stream\":true,\"stream_options\":{\"include_usage\":true},\"messages\":[{\"role\":\"user\",\"content\":\"poem\"}]}");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    StreamedChunks chunks = StreamedChunks.of(response.body());
    assertThat(chunks.text()).isEqualTo("Roses are red.");
    assertThat(chunks.finishBeforeUsage()).isEqualTo("length");
    assertThat(chunks.usage().getInteger("total_tokens")).isEqualTo(10);
    assertThat(response.body()).endsWith("data: [DONE]\n\n");
  }

  @Test
  void claudeOnVertex_rawPredict_andStream() {
    HttpResponse<String> response =
        gateway.postJson(
            "/v1/chat/completions",
            "{\"model\":\"claude-on-vertex\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonObject sent =
        upstream.last(BASE + "anthropic/models/claude-sonnet-4-5:rawPredict").body().toJsonObject();
    assertThat(sent.getString("anthropic_version")).isEqualTo("vertex-2023-10-16");
    assertThat(sent.containsKey("model")).isFalse();
    assertThat(
            new JsonObject(response.body())
                .getJsonArray("choices")
                .getJsonObject(0)
                .getString("finish_reason"))
        .isEqualTo("tool_calls");

    HttpResponse<String> stream =
        gateway.postJson(
            "/v1/chat/completions",
            "{\"model\":\"claude-on-vertex\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
    assertThat(stream.body()).contains("Hello").endsWith("data: [DONE]\n\n");
  }

  @Test
  void tokenEndpointCheck_refusesForeignKey() throws Exception {
    KeyPair other = rsa();
    String header =
        Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"RS256\"}".getBytes());
    String claims =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                "{\"iss\":\"x@p.iam.gserviceaccount.com\",\"scope\":\"https://www.googleapis.com/auth/cloud-platform\"}"
                    .getBytes());
    Signature s = Signature.getInstance("SHA256withRSA");
    s.initSign(other.getPrivate());
    s.update((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
    String forged =
        header
            + "."
            + claims
            + "."
            + Base64.getUrlEncoder().withoutPadding().encodeToString(s.sign());
    assertThat(jwtValid(forged)).isFalse();
  }
}
