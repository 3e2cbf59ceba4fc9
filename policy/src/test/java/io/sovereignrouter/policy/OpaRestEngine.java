package io.sovereignrouter.policy;

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
    HttpRequest request =
        HttpRequest.newBuilder(base.resolve(OpaDataApi.requestPath(path)))
            .timeout(Duration.ofSeconds(5))
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    OpaDataApi.formatRequest(inputJson), StandardCharsets.UTF_8))
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
    return OpaDataApi.parseResult(response.body())
        .orElseThrow(
            () -> new PolicyEvaluationException(path + ": expected a defined result, got none"));
  }

  @Override
  public void close() {
    client.close();
  }
}
