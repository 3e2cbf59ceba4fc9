package io.sovereignrouter.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.sovereignrouter.gateway.GatewayExtension;
import io.sovereignrouter.gateway.TestGateway;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every client mistake gets its status and an OpenAI-shaped error; none becomes a 500 or a hang.
 */
class BadInputIT {
  @RegisterExtension static final GatewayExtension running = GatewayExtension.conformance();
  private static TestGateway gateway;

  @BeforeAll
  static void bind() {
    gateway = running.get();
  }

  static Stream<JsonObject> cases() {
    JsonObject vectors =
        new JsonObject(
            TestGateway.resource("/io/sovereignrouter/gateway/http/vectors/bad-input.json"));
    return vectors.getJsonArray("cases").stream().map(JsonObject.class::cast);
  }

  @ParameterizedTest(name = "{index}: {0}")
  @MethodSource("cases")
  void request_badInput_openAiError(JsonObject c) {
    HttpResponse<String> response = gateway.send(request(c));

    assertThat(response.statusCode()).as(c.getString("desc")).isEqualTo(c.getInteger("wantStatus"));
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
    JsonObject error = new JsonObject(response.body()).getJsonObject("error");
    assertThat(error.fieldNames()).containsExactlyInAnyOrder("message", "type", "param", "code");
    assertThat(error.getString("message")).isNotBlank().doesNotContain(gateway.demoKey());
    assertThat(error.getString("type")).isNotBlank();
    if (c.containsKey("wantCode")) {
      assertThat(error.getString("code")).isEqualTo(c.getString("wantCode"));
    }
    if (c.containsKey("wantParam")) {
      assertThat(error.getString("param")).isEqualTo(c.getString("wantParam"));
    }
    assertThat(response.headers().firstValue("X-Request-Id")).isPresent();
  }

  private static HttpRequest request(JsonObject c) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(gateway.origin() + c.getString("path")))
            .timeout(Duration.ofSeconds(10));
    switch (c.getString("auth", "demo")) {
      case "demo" -> b.header("Authorization", "Bearer " + gateway.demoKey());
      case "wrong" -> b.header("Authorization", "Bearer sk-router-aaaaaaaaaaaa_" + "A".repeat(40));
      case "foreign" -> b.header("Authorization", "Bearer sk-proj-0123456789abcdef");
      default -> {}
    }
    String contentType = c.getString("contentType", "application/json");
    if (!contentType.isEmpty()) {
      b.header("Content-Type", contentType);
    }
    if (c.getString("method", "POST").equals("GET")) {
      return b.GET().build();
    }
    return b.POST(HttpRequest.BodyPublishers.ofByteArray(body(c))).build();
  }

  private static byte[] body(JsonObject c) {
    if (c.containsKey("bodyBase64")) {
      return Base64.getDecoder().decode(c.getString("bodyBase64"));
    }
    if (c.containsKey("bodyNested")) {
      int depth = c.getInteger("bodyNested");
      return ("{\"model\":\"mock-chat\",\"x\":" + "[".repeat(depth) + "]".repeat(depth) + "}")
          .getBytes();
    }
    if (c.containsKey("bodySize")) {
      String pad = "x".repeat(c.getInteger("bodySize"));
      return ("{\"model\":\"mock-chat\",\"messages\":[{\"role\":\"user\",\"content\":\""
              + pad
              + "\"}]}")
          .getBytes();
    }
    return c.getString("body").getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }
}
