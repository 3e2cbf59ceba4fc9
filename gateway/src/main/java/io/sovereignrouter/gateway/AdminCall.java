package io.sovereignrouter.gateway;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * How command-line tools ask a running gateway to change something (a picocli mixin): a POST to its
 * admin API with the operator token read from {@code <data-dir>/admin.token} (never from the
 * command line).
 */
final class AdminCall {
  @Option(names = "--admin-url", description = "admin API root (default http://127.0.0.1:8081)")
  String adminUrl = "http://127.0.0.1:8081";

  @Option(
      names = "--data-dir",
      description = "data directory holding admin.token (default .sovereign)")
  Path dataDir = Path.of(".sovereign");

  /**
   * POSTs a JSON body to the admin API.
   *
   * @param path e.g. {@code /admin/v1/log/key/rotate}
   * @param json the body ({@code {}} when the operation takes none)
   * @return the answer
   */
  HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
    String token = Files.readString(dataDir.resolve("admin.token")).strip();
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(adminUrl + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }
}
