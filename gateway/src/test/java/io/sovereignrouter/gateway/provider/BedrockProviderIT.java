package io.sovereignrouter.gateway.provider;

import static org.assertj.core.api.Assertions.assertThat;

import io.sovereignrouter.gateway.GatewayExtension;
import io.sovereignrouter.gateway.TestGateway;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.eventstream.HeaderValue;
import software.amazon.awssdk.eventstream.Message;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/**
 * The bedrock adapter against a loopback server speaking Bedrock Runtime Converse and
 * ConverseStream: the server recomputes every request's SigV4 signature with the AWS SDK signer and
 * refuses mismatches; streams are real AWS event-stream frames with CRCs.
 */
class BedrockProviderIT {
  private static final String ACCESS_KEY = "AKIDEXAMPLE0123456789";
  private static final String SECRET_KEY = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY0";
  private static final String SESSION_TOKEN = "IQoJb3JpZ2luX2VjEXAMPLE-session-token";
  private static final String REGION = "eu-west-1";
  static final FixtureServer upstream = new FixtureServer();

  static {
    upstream.on(
        "POST /model/anthropic.claude-3-haiku-20240307-v1%3A0/converse",
        BedrockProviderIT::converse);
    upstream.on(
        "POST /model/anthropic.claude-3-haiku-20240307-v1%3A0/converse-stream",
        (r, b) -> stream(r, b, Cut.NONE));
    upstream.on("POST /model/truncated/converse-stream", (r, b) -> stream(r, b, Cut.TRUNCATE_LAST));
    upstream.on("POST /model/corrupt/converse-stream", (r, b) -> stream(r, b, Cut.CORRUPT_CRC));
  }

  @RegisterExtension
  static final GatewayExtension running =
      GatewayExtension.of(
          () ->
              """
              providers:
                - id: aws
                  type: bedrock
                  base-url: http://127.0.0.1:%d
                  aws: { region: %s, access-key-id: env:T_AK, secret-access-key: env:T_SK, session-token: env:T_ST }
                  models:
                    - { id: haiku, upstream: "anthropic.claude-3-haiku-20240307-v1:0", capabilities: { vision: true } }
                    - { id: truncated }
                    - { id: corrupt }
              """
                  .formatted(upstream.port(), REGION),
          Map.of("T_AK", ACCESS_KEY, "T_SK", SECRET_KEY, "T_ST", SESSION_TOKEN));

  static TestGateway gateway;

  @BeforeAll
  static void bind() {
    gateway = running.get();
  }

  @AfterAll
  static void stopUpstream() {
    upstream.close();
  }

  /** Recomputes the signature the way AWS does, with the request's own X-Amz-Date as clock. */
  static boolean signatureValid(HttpServerRequest request, Buffer body) {
    String amzDate = request.getHeader("X-Amz-Date");
    String authorization = request.getHeader("Authorization");
    if (amzDate == null
        || authorization == null
        || !SESSION_TOKEN.equals(request.getHeader("X-Amz-Security-Token"))) {
      return false;
    }
    Instant at =
        DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC)
            .parse(amzDate, Instant::from);
    SdkHttpRequest expected =
        SdkHttpRequest.builder()
            .method(SdkHttpMethod.POST)
            .uri(URI.create("http://127.0.0.1:" + upstream.port() + request.path()))
            .putHeader("Content-Type", request.getHeader("Content-Type"))
            .build();
    String recomputed =
        AwsV4HttpSigner.create()
            .sign(
                r ->
                    r.identity(
                            AwsSessionCredentialsIdentity.create(
                                ACCESS_KEY, SECRET_KEY, SESSION_TOKEN))
                        .request(expected)
                        .payload(ContentStreamProvider.fromByteArray(body.getBytes()))
                        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "bedrock")
                        .putProperty(AwsV4HttpSigner.REGION_NAME, REGION)
                        .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(at, ZoneOffset.UTC)))
            .request()
            .firstMatchingHeader("Authorization")
            .orElseThrow();
    return recomputed.equals(authorization)
        && authorization.contains("/" + REGION + "/bedrock/aws4_request");
  }

  private static boolean refuseUnsigned(HttpServerRequest request, Buffer body) {
    if (signatureValid(request, body)) {
      return false;
    }
    request
        .response()
        .setStatusCode(403)
        .putHeader("Content-Type", "application/json")
        .end(
            "{\"message\":\"The request signature we calculated does not match the signature you provided.\"}");
    return true;
  }

  private static void converse(HttpServerRequest request, Buffer body) {
    if (!refuseUnsigned(request, body)) {
      request
          .response()
          .putHeader("Content-Type", "application/json")
          .end(FixtureServer.fixture("bedrock/converse.json"));
    }
  }

  enum Cut {
    NONE,
    TRUNCATE_LAST,
    CORRUPT_CRC
  }

  private static void stream(HttpServerRequest request, Buffer body, Cut cut) {
    if (refuseUnsigned(request, body)) {
      return;
    }
    JsonArray events = new JsonArray(FixtureServer.fixture("bedrock/converse-stream.json"));
    ByteArrayOutputStream frames = new ByteArrayOutputStream();
    int lastStart = 0;
    for (Object o : events) {
      JsonObject e = (JsonObject) o;
      Map<String, HeaderValue> headers = new LinkedHashMap<>();
      headers.put(":event-type", HeaderValue.fromString(e.getString("event")));
      headers.put(":content-type", HeaderValue.fromString("application/json"));
      headers.put(":message-type", HeaderValue.fromString("event"));
      lastStart = frames.size();
      frames.writeBytes(
          new Message(headers, e.getJsonObject("payload").encode().getBytes(StandardCharsets.UTF_8))
              .toByteBuffer()
              .array());
    }
    byte[] bytes = frames.toByteArray();
    if (cut == Cut.TRUNCATE_LAST) {
      bytes = java.util.Arrays.copyOf(bytes, lastStart + (bytes.length - lastStart) / 2);
    } else if (cut == Cut.CORRUPT_CRC) {
      bytes[bytes.length - 1] ^= 0x5a;
    }
    request
        .response()
        .putHeader("Content-Type", "application/vnd.amazon.eventstream")
        .end(Buffer.buffer(bytes));
  }

  @Test
  void converse_signedRequestTranslated_replyWithToolCall() {
    HttpResponse<String> response =
        gateway.postJson(
            "/v1/chat/completions",
            """
            {"model":"haiku","max_tokens":200,"stop":["###"],
             "tools":[{"type":"function","function":{"name":"top_song","parameters":{"type":"object"}}}],
             "tool_choice":{"type":"function","function":{"name":"top_song"}},
             "messages":[{"role":"system","content":"Be brief."},
               {"role":"user","content":[{"type":"text","text":"Top song on WZPZ?"},
                 {"type":"image_url","image_url":{"url":"data:image/png;base64,iVBORw0KGgo="}}]}]}""");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonObject sent =
        upstream
            .last("/model/anthropic.claude-3-haiku-20240307-v1%3A0/converse")
            .body()
            .toJsonObject();
    assertThat(sent.getJsonArray("system").getJsonObject(0).getString("text"))
        .isEqualTo("Be brief.");
    assertThat(sent.getJsonObject("inferenceConfig").getInteger("maxTokens")).isEqualTo(200);
    assertThat(sent.getJsonObject("inferenceConfig").getJsonArray("stopSequences"))
        .containsExactly("###");
    assertThat(
            sent.getJsonObject("toolConfig")
                .getJsonObject("toolChoice")
                .getJsonObject("tool")
                .getString("name"))
        .isEqualTo("top_song");
    JsonObject image =
        sent.getJsonArray("messages")
            .getJsonObject(0)
            .getJsonArray("content")
            .getJsonObject(1)
            .getJsonObject("image");
    assertThat(image.getString("format")).isEqualTo("png");

    JsonObject completion = new JsonObject(response.body());
    JsonObject choice = completion.getJsonArray("choices").getJsonObject(0);
    assertThat(choice.getString("finish_reason")).isEqualTo("tool_calls");
    JsonObject call = choice.getJsonObject("message").getJsonArray("tool_calls").getJsonObject(0);
    assertThat(call.getString("id")).isEqualTo("tooluse_kZJMlvQmRJ6eAyJE5GIl7Q");
    assertThat(call.getJsonObject("function").getString("arguments"))
        .isEqualTo("{\"sign\":\"WZPZ\"}");
    assertThat(completion.getJsonObject("usage").getInteger("prompt_tokens")).isEqualTo(395);
    assertThat(completion.getJsonObject("usage").getInteger("completion_tokens")).isEqualTo(54);
  }

  @Test
  void converseStream_eventStreamFrames_toChunks() {
    HttpResponse<String> response =
        gateway.postJson(
            "/v1/chat/completions",
            """
            {"model":"haiku","stream":true,"stream_options":{"include_usage":true},
             "messages":[{"role":"user","content":"hi"}]}""");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    List<JsonObject> chunks =
        response
            .body()
            .lines()
            .filter(l -> l.startsWith("data: {"))
            .map(l -> new JsonObject(l.substring(6)))
            .toList();
    StringBuilder text = new StringBuilder();
    StringBuilder args = new StringBuilder();
    for (JsonObject c : chunks) {
      for (Object o : c.getJsonArray("choices")) {
        JsonObject delta = ((JsonObject) o).getJsonObject("delta");
        text.append(delta.getString("content", ""));
        JsonArray calls = delta.getJsonArray("tool_calls");
        if (calls != null) {
          args.append(calls.getJsonObject(0).getJsonObject("function").getString("arguments"));
        }
      }
    }
    assertThat(text.toString()).isEqualTo("Hello from Bedrock");
    assertThat(new JsonObject(args.toString()).getString("sign")).isEqualTo("WZPZ");
    assertThat(
            chunks
                .get(chunks.size() - 2)
                .getJsonArray("choices")
                .getJsonObject(0)
                .getString("finish_reason"))
        .isEqualTo("tool_calls");
    assertThat(chunks.getLast().getJsonObject("usage").getInteger("total_tokens")).isEqualTo(42);
    assertThat(response.body()).endsWith("data: [DONE]\n\n");
  }

  @Test
  void converseStream_truncatedOrCorruptFrame_errorEventNoDone() {
    for (String model : new String[] {"truncated", "corrupt"}) {
      HttpResponse<String> response =
          gateway.postJson(
              "/v1/chat/completions",
              "{\"model\":\""
                  + model
                  + "\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).as(model).contains("\"error\":").doesNotContain("[DONE]");
    }
  }

  @Test
  void signatureCheck_refusesWrongSecretAndAlteredBody() throws Exception {
    String path = "/model/anthropic.claude-3-haiku-20240307-v1%3A0/converse";
    URI uri = URI.create("http://127.0.0.1:" + upstream.port() + path);
    byte[] body = "{\"messages\":[]}".getBytes(StandardCharsets.UTF_8);
    SigV4Signer right =
        new SigV4Signer(
            ACCESS_KEY, SECRET_KEY, java.util.Optional.of(SESSION_TOKEN), REGION, "bedrock");
    SigV4Signer wrong =
        new SigV4Signer(
            ACCESS_KEY, SECRET_KEY + "x", java.util.Optional.of(SESSION_TOKEN), REGION, "bedrock");
    assertThat(postSigned(uri, right.signPost(uri, "application/json", body), body)).isEqualTo(200);
    assertThat(postSigned(uri, wrong.signPost(uri, "application/json", body), body)).isEqualTo(403);
    byte[] altered = "{\"messages\":[1]}".getBytes(StandardCharsets.UTF_8);
    assertThat(postSigned(uri, right.signPost(uri, "application/json", body), altered))
        .isEqualTo(403);
  }

  private static int postSigned(URI uri, io.vertx.core.MultiMap headers, byte[] body)
      throws Exception {
    java.net.http.HttpRequest.Builder b =
        java.net.http.HttpRequest.newBuilder(uri)
            .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach(h -> b.header(h.getKey(), h.getValue()));
    return java.net.http.HttpClient.newHttpClient()
        .send(b.build(), java.net.http.HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }
}
