package io.sovereignrouter.gateway.providers;

import static org.assertj.core.api.Assertions.assertThat;

import io.sovereignrouter.gateway.GatewayExtension;
import io.sovereignrouter.gateway.TestGateway;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Providers managed through the admin API go live, change and disappear without a restart; a
 * request running on a replaced provider finishes on the adapter it started with.
 */
class ProviderAdminIT {
  @RegisterExtension
  static final GatewayExtension running =
      GatewayExtension.of(
          () -> TestGateway.resource("/conformance.yaml"),
          Map.of(
              "BYOK_KEY_A", "sk-test-aaaaaaaaaaaaaaaa", "BYOK_KEY_B", "sk-test-bbbbbbbbbbbbbbbb"));

  private static TestGateway g() {
    return running.get();
  }

  private static HttpResponse<String> admin(String method, String path, String body) {
    return g().admin(Duration.ofSeconds(20), method, path, body);
  }

  private static HttpResponse<String> chat(String model) {
    return g().postJson(
            "/v1/chat/completions",
            "{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
  }

  private static String mock(
      String id, String model, int replyTokens, int firstTokenMs, String key) {
    return "{\"id\":\""
        + id
        + "\",\"type\":\"mock\",\"credential\":\"env:"
        + key
        + "\","
        + "\"models\":[{\"id\":\""
        + model
        + "\",\"owned_by\":\"byok\","
        + "\"pricing\":{\"input_per_million\":1,\"output_per_million\":2}}],"
        + "\"mock\":{\"reply_tokens\":"
        + replyTokens
        + ",\"first_token_ms\":"
        + firstTokenMs
        + "}}";
  }

  @Test
  void createReplaceDelete_liveWithoutRestart() throws Exception {
    assertThat(chat("byok-chat").statusCode()).isEqualTo(404);
    HttpResponse<String> created =
        admin("POST", "/admin/v1/providers", mock("byok", "byok-chat", 5, 0, "BYOK_KEY_A"));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonObject p = new JsonObject(created.body());
    assertThat(p.getString("source")).isEqualTo("api");
    assertThat(p.getString("credential_ref")).isEqualTo("env:BYOK_KEY_A");
    assertThat(p.getLong("log_index")).isNotNull();
    assertThat(created.body()).doesNotContain("sk-test-");

    HttpResponse<String> served = chat("byok-chat");
    assertThat(served.statusCode()).as(served.body()).isEqualTo(200);
    assertThat(served.headers().firstValue("X-SF-Provider")).contains("byok");
    assertThat(new JsonObject(served.body()).getJsonObject("usage").getInteger("completion_tokens"))
        .isEqualTo(5);
    assertThat(
            g().send(
                    HttpRequest.newBuilder(URI.create(g().origin() + "/v1/models"))
                        .header("Authorization", "Bearer " + g().demoKey())
                        .build())
                .body())
        .contains("byok-chat");

    // A slow request starts on the first adapter; the provider is replaced while it runs.
    HttpResponse<String> slowSetup =
        admin("PUT", "/admin/v1/providers/byok", mock("byok", "byok-chat", 5, 1500, "BYOK_KEY_A"));
    assertThat(slowSetup.statusCode()).as(slowSetup.body()).isEqualTo(200);
    CompletableFuture<HttpResponse<String>> inFlight =
        CompletableFuture.supplyAsync(() -> chat("byok-chat"));
    Thread.sleep(300);
    HttpResponse<String> replaced =
        admin("PUT", "/admin/v1/providers/byok", mock("byok", "byok-chat", 9, 0, "BYOK_KEY_B"));
    assertThat(replaced.statusCode()).as(replaced.body()).isEqualTo(200);
    assertThat(new JsonObject(replaced.body()).getString("credential_ref"))
        .isEqualTo("env:BYOK_KEY_B");
    HttpResponse<String> finished = inFlight.get();
    assertThat(finished.statusCode()).as("in-flight request survives the swap").isEqualTo(200);
    assertThat(
            new JsonObject(finished.body()).getJsonObject("usage").getInteger("completion_tokens"))
        .as("served by the adapter it started on")
        .isEqualTo(5);
    assertThat(
            new JsonObject(chat("byok-chat").body())
                .getJsonObject("usage")
                .getInteger("completion_tokens"))
        .as("new requests use the new adapter")
        .isEqualTo(9);

    HttpResponse<String> deleted = admin("DELETE", "/admin/v1/providers/byok", null);
    assertThat(deleted.statusCode()).isEqualTo(200);
    assertThat(chat("byok-chat").statusCode()).isEqualTo(404);
    assertThat(admin("DELETE", "/admin/v1/providers/byok", null).statusCode()).isEqualTo(404);
    assertThat(admin("GET", "/admin/v1/providers/byok", null).statusCode()).isEqualTo(404);
  }

  @Test
  void badInput_nothingStored_secretsNeverEchoed() {
    HttpResponse<String> plaintext =
        admin(
            "POST",
            "/admin/v1/providers",
            "{\"id\":\"leaky\",\"type\":\"openai-compatible\",\"base_url\":\"http://127.0.0.1:9/v1\","
                + "\"credential\":\"sk-proj-abcdefghijklmnopqrstuvwxyz012345\",\"models\":[{\"id\":\"x\"}]}");
    assertThat(plaintext.statusCode()).isEqualTo(400);
    assertThat(new JsonObject(plaintext.body()).getString("field")).isEqualTo("credential");
    assertThat(plaintext.body()).doesNotContain("abcdefghijklmnop");

    HttpResponse<String> unresolved =
        admin("POST", "/admin/v1/providers", mock("ghost", "ghost-chat", 5, 0, "NO_SUCH_VAR"));
    assertThat(unresolved.statusCode()).as(unresolved.body()).isEqualTo(400);
    assertThat(new JsonObject(unresolved.body()).getString("field")).isEqualTo("credential");

    HttpResponse<String> badType =
        admin("POST", "/admin/v1/providers", "{\"id\":\"odd\",\"type\":\"teleport\"}");
    assertThat(badType.statusCode()).isEqualTo(400);
    HttpResponse<String> badId =
        admin("POST", "/admin/v1/providers", "{\"id\":\"Bad Id\",\"type\":\"mock\"}");
    assertThat(badId.statusCode()).isEqualTo(400);
    assertThat(new JsonObject(badId.body()).getString("field")).isEqualTo("id");

    assertThat(
            admin("PUT", "/admin/v1/providers/mock", mock("mock", "m", 1, 0, "BYOK_KEY_A"))
                .statusCode())
        .as("config-file providers are read-only here")
        .isEqualTo(409);
    assertThat(admin("DELETE", "/admin/v1/providers/mock", null).statusCode()).isEqualTo(409);
    assertThat(
            admin("POST", "/admin/v1/providers", mock("mock", "m", 1, 0, "BYOK_KEY_A"))
                .statusCode())
        .isEqualTo(409);
    assertThat(
            admin("PUT", "/admin/v1/providers/other", mock("byok2", "m", 1, 0, "BYOK_KEY_A"))
                .statusCode())
        .isEqualTo(400);
    assertThat(admin("GET", "/admin/v1/providers", null).body())
        .doesNotContain("ghost", "leaky", "odd");
  }
}
