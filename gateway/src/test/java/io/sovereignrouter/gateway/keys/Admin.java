package io.sovereignrouter.gateway.keys;

import io.sovereignrouter.gateway.TestGateway;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Admin API and data-plane calls shared by the rotation tests. */
final class Admin {
  private Admin() {}

  static HttpResponse<String> call(TestGateway g, String method, String path, String body) {
    return g.admin(Duration.ofSeconds(30), method, path, body);
  }

  static HttpResponse<String> chat(TestGateway g, String key, String model) {
    return g.send(
        HttpRequest.newBuilder(URI.create(g.origin() + "/v1/chat/completions"))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + key)
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "{\"model\":\""
                        + model
                        + "\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"))
            .build());
  }

  /** An openai-compatible provider at {@code baseUrl} serving {@code model} with {@code ref}. */
  static String provider(String id, String model, String baseUrl, String ref, int revision) {
    return "{\"id\":\""
        + id
        + "\",\"type\":\"openai-compatible\",\"base_url\":\""
        + baseUrl
        + "\",\"credential\":\""
        + ref
        + "\",\"headers\":{\"X-Revision\":\""
        + revision
        + "\"},\"models\":[{\"id\":\""
        + model
        + "\"}]}";
  }
}
