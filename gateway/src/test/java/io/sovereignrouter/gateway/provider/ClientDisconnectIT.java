package io.sovereignrouter.gateway.provider;

import static org.assertj.core.api.Assertions.assertThat;

import io.sovereignrouter.gateway.GatewayExtension;
import io.sovereignrouter.gateway.TestGateway;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A client that hangs up mid-stream or mid-wait cancels the upstream call; the gateway carries on.
 */
class ClientDisconnectIT {
  static final FakeOpenAiUpstream upstream = new FakeOpenAiUpstream();

  @RegisterExtension
  static final GatewayExtension running =
      GatewayExtension.of(
          () ->
              """
        server: { event-loops: 1 }
        providers:
          - id: up
            type: openai-compatible
            base-url: http://127.0.0.1:%d/v1
            timeouts: { first-byte-ms: 30000, total-ms: 60000 }
            models:
              - { id: slow, upstream: slow-stream }
              - { id: hold, upstream: hold }
          - id: mock
            type: mock
            models: [ { id: mock-slow } ]
            mock: { token-interval-ms: 50, reply-tokens: 10000 }
        """
                  .formatted(upstream.port()),
          Map.of());

  static TestGateway gateway;

  @BeforeAll
  static void bind() {
    gateway = running.get();
  }

  @AfterAll
  static void stopUpstream() {
    upstream.close();
  }

  @Test
  void disconnectMidStream_upstreamConnectionClosed() throws Exception {
    try (Socket socket = openStream("slow")) {
      readUntil(socket.getInputStream(), "data: ");
    }
    long closedAfterMs =
        upstream
            .closed("slow-stream")
            .future()
            .toCompletionStage()
            .toCompletableFuture()
            .get(5, TimeUnit.SECONDS);
    assertThat(closedAfterMs).isLessThan(30_000);
    assertGatewayStillServes();
  }

  @Test
  void disconnectBeforeFirstByte_upstreamConnectionClosed() throws Exception {
    try (Socket socket = openStream("hold")) {
      waitUntilReceived("hold");
    }
    upstream
        .closed("hold")
        .future()
        .toCompletionStage()
        .toCompletableFuture()
        .get(5, TimeUnit.SECONDS);
    assertGatewayStillServes();
  }

  @Test
  void disconnectMidMockStream_gatewayStillServes() throws Exception {
    try (Socket socket = openStream("mock-slow")) {
      readUntil(socket.getInputStream(), "data: ");
    }
    assertGatewayStillServes();
  }

  private static void waitUntilReceived(String model) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (upstream.received.stream().noneMatch(r -> model.equals(r.body().getString("model")))) {
      assertThat(System.nanoTime()).as("upstream never saw the request").isLessThan(deadline);
      Thread.sleep(10);
    }
  }

  private static Socket openStream(String model) throws Exception {
    Socket socket = new Socket("127.0.0.1", gateway.gateway().port());
    socket.setSoTimeout(10_000);
    String body =
        "{\"model\":\""
            + model
            + "\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
    String request =
        "POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
            + gateway.demoKey()
            + "\r\nContent-Type: application/json\r\nContent-Length: "
            + body.getBytes(StandardCharsets.UTF_8).length
            + "\r\n\r\n"
            + body;
    OutputStream out = socket.getOutputStream();
    out.write(request.getBytes(StandardCharsets.UTF_8));
    out.flush();
    return socket;
  }

  private static void readUntil(InputStream in, String marker) throws Exception {
    StringBuilder seen = new StringBuilder();
    byte[] buffer = new byte[1024];
    while (seen.indexOf(marker) < 0) {
      int n = in.read(buffer);
      assertThat(n).as("stream ended before '%s'", marker).isPositive();
      seen.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
    }
  }

  private static void assertGatewayStillServes() {
    var response =
        gateway.postJson(
            "/v1/chat/completions",
            """
        {"model":"mock-slow","max_tokens":2,"messages":[{"role":"user","content":"still there?"}]}""");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
  }
}
