package io.sovereignrouter.gateway;

import io.sovereignrouter.gateway.config.ConfigException;
import io.sovereignrouter.gateway.config.ConfigLoader;
import io.sovereignrouter.gateway.config.GatewayConfig;
import io.sovereignrouter.gateway.config.ServerConfig;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sovereign up}: starts the gateway and runs until interrupted. */
@Command(
    name = "up",
    mixinStandardHelpOptions = true,
    description = "Start the gateway (embedded defaults: SQLite, Mock provider, demo tenant).")
final class UpCommand implements Callable<Integer> {
  @Option(names = "--config", description = "YAML or JSON config file (default: embedded defaults)")
  Path config;

  @Option(
      names = "--host",
      description = "data-plane bind address (default from config: 127.0.0.1)")
  String host;

  @Option(
      names = "--port",
      description = "data-plane port, 0 for a free one (default from config: 8080)")
  Integer port;

  @Option(
      names = "--admin-port",
      description = "admin port, bound to loopback (default from config: 8081)")
  Integer adminPort;

  @Option(names = "--data-dir", description = "data directory (default from config: .sovereign)")
  Path dataDir;

  @Override
  public Integer call() throws InterruptedException {
    long started = System.nanoTime();
    GatewayConfig loaded;
    try {
      loaded = config == null ? ConfigLoader.defaults() : ConfigLoader.load(config);
    } catch (ConfigException e) {
      System.err.println("sovereign: " + e.getMessage());
      return 2;
    }
    ServerConfig s = loaded.server();
    GatewayConfig effective =
        loaded.withServer(
            s.withListeners(
                host != null ? host : s.host(),
                port != null ? port : s.port(),
                adminPort != null ? adminPort : s.adminPort(),
                dataDir != null ? dataDir : s.dataDir()));
    Gateway gateway;
    try {
      gateway = Gateway.start(effective, System.getenv());
    } catch (ConfigException e) {
      System.err.println("sovereign: " + e.getMessage());
      return 2;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  gateway.close();
                  stopped.countDown();
                },
                "sovereign-shutdown"));
    banner(
        System.out, gateway, effective.server().host(), (System.nanoTime() - started) / 1_000_000);
    stopped.await();
    return 0;
  }

  private static void banner(PrintStream out, Gateway gateway, String host, long startMs) {
    String base = "http://" + (host.equals("0.0.0.0") ? "127.0.0.1" : host) + ":" + gateway.port();
    Path dir = gateway.dataDir().root();
    Path cwd = Path.of("").toAbsolutePath();
    Path relative = cwd.relativize(dir);
    Path shown =
        !dir.startsWith(cwd) ? dir : relative.toString().isEmpty() ? Path.of(".") : relative;
    out.printf("SovereignRouter 0.1.0 ready in %d ms%n", startMs);
    out.printf("  data plane  %s/v1   (OpenAI-compatible)%n", base);
    out.printf("  admin       http://127.0.0.1:%d/admin/v1%n", gateway.adminPort());
    out.printf("  data dir    %s%n", shown);
    out.printf(
        "  log key     %s/log.pub   (./sovereign verify REPLY.json --log-key %s/log.pub)%n",
        shown, shown);
    if (gateway.adminToken().created()) {
      out.printf(
          "%nFirst start: wrote %s/admin.token (mode 0600). Shown once:%n  admin token: %s%n",
          shown, gateway.adminToken().value());
    }
    gateway
        .demoKey()
        .ifPresent(
            key -> {
              if (key.created()) {
                out.printf(
                    "Wrote %s/demo.key (mode 0600) for tenant 'demo'. Shown once:%n  demo key:    %s%n",
                    shown, key.value());
              }
              out.printf(
                  "%nTry it:%n  curl -s %s/v1/chat/completions -H \"Authorization: Bearer $(cat %s/demo.key)\""
                      + " -H 'Content-Type: application/json' -d '{\"model\":\"mock-chat\",\"messages\":[{\"role\":\"user\","
                      + "\"content\":\"Hello\"}]}'%n",
                  base, shown);
            });
    out.flush();
  }
}
