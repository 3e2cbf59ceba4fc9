package io.sovereignrouter.gateway.ratelimit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import redis.embedded.RedisServer;

/**
 * One real Redis server per test JVM (the embedded-redis artifact's Redis 6.2 binary from Maven
 * Central), loopback only, on a free port, stopped at exit.
 */
public final class EmbeddedRedisServer {
  private static RedisServer server;
  private static int port;

  private EmbeddedRedisServer() {}

  /** {@code redis://127.0.0.1:<port>} of the running server (started on first use). */
  public static synchronized String url() {
    if (server == null) {
      try (ServerSocket probe = new ServerSocket(0)) {
        port = probe.getLocalPort();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      try {
        server =
            RedisServer.newRedisServer()
                .port(port)
                .bind("127.0.0.1")
                .setting("save \"\"")
                .setting("appendonly no")
                .onShutdownForceStop(true)
                .build();
        server.start();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start embedded Redis", e);
      }
      RedisServer started = server;
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try {
                      started.stop();
                    } catch (IOException e) {
                      // exiting anyway
                    }
                  }));
    }
    return "redis://127.0.0.1:" + port;
  }
}
