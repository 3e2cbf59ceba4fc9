package io.sovereignrouter.gateway.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sovereignrouter.gateway.GatewayExtension;
import io.sovereignrouter.gateway.TestGateway;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The OpenAPI document and the implementation agree: the same operations, and real responses —
 * successes and problems — conform to the documented schemas.
 */
class AdminOpenApiIT {
  @RegisterExtension static final GatewayExtension running = GatewayExtension.conformance();
  private static final ObjectMapper JSON = new ObjectMapper();
  private final OpenApiSpec spec = OpenApiSpec.load();

  @Test
  void documentedOperations_areExactlyTheRoutedOnes() {
    Vertx vertx = Vertx.vertx();
    try {
      Router router =
          AdminRoutes.create(
              vertx,
              new AdminToken("sk-admin-0123456789abcdef0123456789abcdef"),
              new AdminRoutes.Services(
                  null, null, null, null, Set.of(), null, null, null, null, null, null));
      Set<String> routed = new TreeSet<>();
      for (Route r : router.getRoutes()) {
        if (r.getPath() == null || r.methods() == null || !r.getPath().startsWith("/admin/v1/")) {
          continue;
        }
        for (HttpMethod m : r.methods()) {
          routed.add(m.name() + " " + r.getPath());
        }
      }
      assertThat(routed).isEqualTo(spec.operations());
    } finally {
      vertx.close();
    }
  }

  private HttpResponse<String> call(String method, String path, String body) {
    return running.get().admin(Duration.ofSeconds(10), method, path, body);
  }

  /** Calls an operation and checks the answer against the documented schema for its status. */
  private JsonNode conforming(String method, String template, String path, String body, int status)
      throws Exception {
    HttpResponse<String> r = call(method, path, body);
    assertThat(r.statusCode()).as(method + " " + path + ": " + r.body()).isEqualTo(status);
    JsonNode value = JSON.readTree(r.body());
    assertThat(spec.violations(spec.responseSchema(method, template, status), value))
        .as(method + " " + path + " " + status + " " + r.body())
        .isEmpty();
    return value;
  }

  @Test
  void everyOperation_answersWhatItDocuments() throws Exception {
    String t = "/admin/v1/tenants/{tenant}";
    JsonNode tenant =
        conforming(
            "POST",
            "/admin/v1/tenants",
            "/admin/v1/tenants",
            "{\"name\":\"openapi\",\"spend_cap\":{\"usd\":5,\"period\":\"month\"}}",
            201);
    String id = tenant.get("id").asText();
    String p = "/admin/v1/tenants/" + id;
    conforming("POST", "/admin/v1/tenants", "/admin/v1/tenants", "{\"name\":\"openapi\"}", 409);
    conforming("POST", "/admin/v1/tenants", "/admin/v1/tenants", "{\"name\":7}", 400);
    conforming("GET", "/admin/v1/tenants", "/admin/v1/tenants", null, 200);
    conforming("GET", t, p, null, 200);
    conforming("GET", t, "/admin/v1/tenants/tn_nope", null, 404);
    conforming("PATCH", t, p, "{\"rate_limits\":{\"rpm\":10},\"spend_cap\":null}", 200);
    conforming("PATCH", t, p, "{\"rate_limits\":{\"rpm\":-1}}", 400);
    conforming("GET", t + "/spend", p + "/spend", null, 200);
    conforming("PATCH", t, p, "{\"spend_cap\":{\"usd\":1,\"period\":\"day\"}}", 200);
    conforming("GET", t + "/spend", p + "/spend", null, 200);
    conforming("POST", t + "/suspend", p + "/suspend", "{\"reason\":\"audit\"}", 200);
    conforming("POST", t + "/unsuspend", p + "/unsuspend", null, 200);
    JsonNode key = conforming("POST", t + "/keys", p + "/keys", null, 201);
    conforming("GET", t + "/keys", p + "/keys", null, 200);
    conforming("POST", t + "/keys/rotate", p + "/keys/rotate", "{\"overlap_seconds\":60}", 201);
    conforming("POST", t + "/keys/rotate", p + "/keys/rotate", "{\"overlap_seconds\":\"x\"}", 400);
    conforming("DELETE", t + "/keys/{key}", p + "/keys/" + key.get("key_id").asText(), null, 200);
    conforming("DELETE", t + "/keys/{key}", p + "/keys/nokey", null, 404);
    String rotate = "/admin/v1/log/key/rotate";
    // The PostgreSQL log (second run of this suite) refuses online rotation.
    boolean sharedLog = "postgres".equals(System.getProperty("sovereign.test.backend"));
    conforming("POST", rotate, rotate, null, sharedLog ? 409 : 201);
    conforming("GET", "/admin/v1/policies", "/admin/v1/policies", null, 200);
    conforming("GET", "/admin/v1/providers", "/admin/v1/providers", null, 200);
    conforming("GET", "/admin/v1/usage", "/admin/v1/usage?group_by=tenant,model", null, 200);
    conforming("GET", "/admin/v1/usage", "/admin/v1/usage?to=yesterday", null, 400);
    conforming("DELETE", t, p, null, 200);
    conforming("DELETE", t, p, null, 404);
    assertThat(call("GET", "/admin/v1/openapi.yaml", null).body()).startsWith("openapi: 3.1.0");
  }

  @Test
  void problems_conform_forAuthFailures() throws Exception {
    TestGateway g = running.get();
    HttpResponse<String> r =
        g.send(HttpRequest.newBuilder(URI.create(g.adminOrigin() + "/admin/v1/tenants")).build());
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(
            spec.violations(
                spec.responseSchema("GET", "/admin/v1/tenants", 401), JSON.readTree(r.body())))
        .isEmpty();
  }
}
