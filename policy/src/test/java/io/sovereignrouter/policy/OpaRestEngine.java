package io.sovereignrouter.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sovereignrouter.policy.internal.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Test-only engine over OPA's REST Data API ({@code POST /v1/data/<path>} with {@code {"input":
 * …}}, answer {@code {"result": …}}) on the JDK HttpClient. The gateway's production engine does
 * the same on Vert.x Web Client; this one proves the vectors on a real server.
 */
final class OpaRestEngine implements PolicyEngine {
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final URI base;

  OpaRestEngine(URI base) {
    this.base = base;
  }

  @Override
  public String evaluateJson(String path, String inputJson) {
    ObjectNode body = Json.object();
    body.set("input", Json.parse(inputJson, "input"));
    HttpRequest request =
        HttpRequest.newBuilder(base.resolve("/v1/data/" + path))
            .timeout(Duration.ofSeconds(5))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(Json.format(body), StandardCharsets.UTF_8))
            .build();
    HttpResponse<String> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new PolicyEvaluationException("OPA server " + base + " unreachable", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PolicyEvaluationException("interrupted while querying " + base, e);
    }
    if (response.statusCode() != 200) {
      throw new PolicyEvaluationException(
          "OPA server: expected 200, got " + response.statusCode() + ": " + response.body());
    }
    JsonNode answer = Json.parse(response.body(), "OPA server answer");
    if (!answer.has("result")) {
      throw new PolicyEvaluationException(path + ": expected a defined result, got none");
    }
    return Json.format(answer.get("result"));
  }

  @Override
  public void close() {
    client.close();
  }
}
