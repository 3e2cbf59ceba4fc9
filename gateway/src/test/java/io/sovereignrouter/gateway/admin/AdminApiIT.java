package io.sovereignrouter.gateway.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.sovereignrouter.gateway.GatewayExtension;
import io.sovereignrouter.gateway.TestGateway;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Tenants and keys through the admin port; a revoked key stops working on its next request. */
class AdminApiIT {
  @RegisterExtension static final GatewayExtension running = GatewayExtension.conformance();
  static TestGateway gateway;

  @BeforeAll
  static void bind() {
    gateway = running.get();
  }

  private static HttpResponse<String> admin(String method, String path, String body, String token) {
    return gateway.adminAs(token, Duration.ofSeconds(10), method, path, body);
  }

  private static HttpResponse<String> chatWith(String key) {
    return gateway.send(
        HttpRequest.newBuilder(URI.create(gateway.origin() + "/v1/chat/completions"))
            .header("Authorization", "Bearer " + key)
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "{\"model\":\"mock-chat\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"))
            .build());
  }

  @Test
  void adminToken_missingOrWrong_401Problem() {
    for (String token : new String[] {null, "sk-admin-wrong", gateway.demoKey()}) {
      HttpResponse<String> r = admin("GET", "/admin/v1/tenants", null, token);
      assertThat(r.statusCode()).isEqualTo(401);
      assertThat(r.headers().firstValue("Content-Type")).contains("application/problem+json");
      assertThat(new JsonObject(r.body()).getInteger("status")).isEqualTo(401);
    }
  }

  @Test
  void tenantKeyLifecycle_createUseListRevoke() {
    String token = gateway.adminToken();
    HttpResponse<String> created = admin("POST", "/admin/v1/tenants", "{\"name\":\"acme\"}", token);
    assertThat(created.statusCode()).isEqualTo(201);
    String tenantId = new JsonObject(created.body()).getString("id");
    assertThat(admin("POST", "/admin/v1/tenants", "{\"name\":\"acme\"}", token).statusCode())
        .isEqualTo(409);

    HttpResponse<String> keyResponse =
        admin("POST", "/admin/v1/tenants/" + tenantId + "/keys", null, token);
    assertThat(keyResponse.statusCode()).isEqualTo(201);
    JsonObject key = new JsonObject(keyResponse.body());
    String secret = key.getString("key");
    String event =
        new String(
            gateway.gateway().auditLog().entry(key.getLong("log_index")),
            java.nio.charset.StandardCharsets.UTF_8);
    String statement =
        new String(
            java.util.Base64.getDecoder().decode(new JsonObject(event).getString("payload")),
            java.nio.charset.StandardCharsets.UTF_8);
    assertThat(statement)
        .contains("admin-event/v1", "key.created", key.getString("fingerprint"))
        .doesNotContain(secret.substring(secret.indexOf('_') + 1));
    assertThat(chatWith(secret).statusCode()).isEqualTo(200);

    JsonArray listed =
        new JsonObject(admin("GET", "/admin/v1/tenants/" + tenantId + "/keys", null, token).body())
            .getJsonArray("data");
    assertThat(listed).hasSize(1);
    assertThat(listed.encode())
        .doesNotContain(secret.substring(secret.indexOf('_') + 1))
        .contains(key.getString("fingerprint"));

    HttpResponse<String> revoked =
        admin(
            "DELETE",
            "/admin/v1/tenants/" + tenantId + "/keys/" + key.getString("key_id"),
            null,
            token);
    assertThat(revoked.statusCode()).isEqualTo(200);
    assertThat(new JsonObject(revoked.body()).getLong("log_index"))
        .isGreaterThan(key.getLong("log_index"));
    HttpResponse<String> after = chatWith(secret);
    assertThat(after.statusCode()).isEqualTo(401);
    assertThat(new JsonObject(after.body()).getJsonObject("error").getString("code"))
        .isEqualTo("revoked_api_key");
    assertThat(
            admin(
                    "DELETE",
                    "/admin/v1/tenants/" + tenantId + "/keys/" + key.getString("key_id"),
                    null,
                    token)
                .statusCode())
        .isEqualTo(404);
  }

  @Test
  void rotation_oldKeyWorksDuringOverlap_thenStops_cliPrintsNewKeyOnce() throws Exception {
    String token = gateway.adminToken();
    String tenantId =
        new JsonObject(admin("POST", "/admin/v1/tenants", "{\"name\":\"rotating\"}", token).body())
            .getString("id");
    String first =
        new JsonObject(admin("POST", "/admin/v1/tenants/" + tenantId + "/keys", null, token).body())
            .getString("key");

    HttpResponse<String> rotated =
        admin(
            "POST",
            "/admin/v1/tenants/" + tenantId + "/keys/rotate",
            "{\"overlap_seconds\":600}",
            token);
    assertThat(rotated.statusCode()).as(rotated.body()).isEqualTo(201);
    String second = new JsonObject(rotated.body()).getString("key");
    assertThat(chatWith(first).statusCode()).as("old key inside the overlap").isEqualTo(200);
    assertThat(chatWith(second).statusCode()).isEqualTo(200);

    ProcessBuilder pb =
        new ProcessBuilder(
                "bash",
                java.nio.file.Path.of("..", "sovereign").toAbsolutePath().normalize().toString(),
                "keys",
                "rotate",
                "--tenant",
                tenantId,
                "--overlap",
                "0",
                "--admin-url",
                gateway.adminOrigin(),
                "--data-dir",
                gateway.gateway().dataDir().root().toString())
            .redirectErrorStream(true);
    Process cli = pb.start();
    assertThat(cli.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    String output =
        new String(cli.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(cli.exitValue()).as(output).isZero();
    String third =
        output
            .lines()
            .filter(l -> l.startsWith("new key (shown once): "))
            .findFirst()
            .orElseThrow()
            .substring("new key (shown once): ".length());
    assertThat(chatWith(third).statusCode()).isEqualTo(200);
    assertThat(chatWith(second).statusCode())
        .as("overlap 0: previous keys stop at once")
        .isEqualTo(401);
    assertThat(chatWith(first).statusCode())
        .as("first key: its own earlier expiry was kept")
        .isEqualTo(401);
    assertThat(
            admin(
                    "POST",
                    "/admin/v1/tenants/" + tenantId + "/keys/rotate",
                    "{\"overlap_seconds\":-1}",
                    token)
                .statusCode())
        .isEqualTo(400);
  }

  @Test
  void badInput_problemsNot500() {
    String token = gateway.adminToken();
    assertThat(admin("POST", "/admin/v1/tenants", "{not json", token).statusCode()).isEqualTo(400);
    HttpResponse<String> noName = admin("POST", "/admin/v1/tenants", "{\"name\":\"\"}", token);
    assertThat(noName.statusCode()).isEqualTo(400);
    assertThat(new JsonObject(noName.body()).getString("field")).isEqualTo("name");
    assertThat(admin("POST", "/admin/v1/tenants/tn_missing/keys", null, token).statusCode())
        .isEqualTo(404);
    assertThat(admin("GET", "/admin/v1/nope", null, token).statusCode()).isEqualTo(404);
  }
}
