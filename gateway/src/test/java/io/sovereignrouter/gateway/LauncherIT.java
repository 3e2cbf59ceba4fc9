package io.sovereignrouter.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's {@code ./sovereign up}, run as a user would: a separate process on loopback. */
class LauncherIT {
  private static final Path LAUNCHER = Path.of("..", "sovereign").toAbsolutePath().normalize();
  private static final Pattern DATA_PLANE =
      Pattern.compile("data plane\\s+(http://127\\.0\\.0\\.1:(\\d+))/v1");

  @TempDir Path dir;

  @Test
  void up_firstStartPrintsSecretsOnce_curlLineWorks_secondStartReuses() throws Exception {
    Started first = up();
    try {
      assertThat(first.output())
          .contains("admin token: sk-admin-", "demo key:    sk-router-", "curl -s ");
      String key = Files.readString(dir.resolve("demo.key")).trim();
      assertThat(first.output()).contains(key);
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(first.origin() + "/v1/chat/completions"))
                      .header("Authorization", "Bearer " + key)
                      .header("Content-Type", "application/json")
                      .POST(
                          HttpRequest.BodyPublishers.ofString(
                              "{\"model\":\"mock-chat\",\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}]}"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).contains("\"object\":\"chat.completion\"");
    } finally {
      first.stop();
    }
    Started second = up();
    try {
      assertThat(second.output())
          .doesNotContain("Shown once", "sk-admin-")
          .doesNotContain(Files.readString(dir.resolve("demo.key")).trim())
          .contains("curl -s ");
    } finally {
      second.stop();
    }
  }

  @Test
  void noJdk21_clearMessageAndFailure() throws Exception {
    Path emptyJvmDir = Files.createDirectories(dir.resolve("jvm"));
    ProcessBuilder pb =
        new ProcessBuilder("bash", LAUNCHER.toString(), "up").redirectErrorStream(true);
    pb.environment().remove("JAVA_HOME");
    pb.environment().put("SOVEREIGN_JDK_DIRS", emptyJvmDir.toString());
    Process process = pb.start();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.exitValue()).isEqualTo(1);
    assertThat(output).contains("no JDK >= 21 found", "JAVA_HOME");
  }

  private record Started(Process process, String origin, String output) {
    void stop() throws InterruptedException {
      process.destroy();
      assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("gateway stops on SIGTERM").isTrue();
    }
  }

  private Started up() throws Exception {
    ProcessBuilder pb =
        new ProcessBuilder(
                "bash",
                LAUNCHER.toString(),
                "up",
                "--port",
                "0",
                "--admin-port",
                "0",
                "--data-dir",
                dir.toString())
            .redirectErrorStream(true);
    Process process = pb.start();
    BufferedReader reader =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    List<String> lines = new ArrayList<>();
    String origin = null;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    String line;
    while (System.nanoTime() < deadline && (line = reader.readLine()) != null) {
      lines.add(line);
      Matcher m = DATA_PLANE.matcher(line);
      if (m.find()) {
        origin = m.group(1);
      }
      if (line.contains("curl -s ")) {
        break;
      }
    }
    assertThat(origin).as("launcher output:%n%s", String.join("\n", lines)).isNotNull();
    // Keep reading so the child never blocks on a full pipe; the stream closes when it exits.
    Thread drain =
        new Thread(
            () -> {
              try {
                while (reader.readLine() != null) {
                  // discard
                }
              } catch (java.io.IOException closed) {
                // the process exited
              }
            });
    drain.setDaemon(true);
    drain.start();
    return new Started(process, origin, String.join("\n", lines));
  }
}
