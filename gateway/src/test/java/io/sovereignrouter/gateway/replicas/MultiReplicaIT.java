package io.sovereignrouter.gateway.replicas;

import static org.assertj.core.api.Assertions.assertThat;

import io.sovereignrouter.gateway.config.PostgresConfig;
import io.sovereignrouter.gateway.ratelimit.EmbeddedRedisServer;
import io.sovereignrouter.gateway.storage.postgres.EmbeddedPostgresServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Two gateway processes on one PostgreSQL and one Redis under concurrent load: rate limits and
 * spend caps hold across replicas, both append to one log without gaps or duplicates, and a replica
 * killed with SIGKILL mid-load loses no acknowledged row.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MultiReplicaIT {
  private static final Pattern DATA_PLANE =
      Pattern.compile("data plane\\s+http://127.0.0.1:(\\d+)/v1");
  private static final Pattern ADMIN = Pattern.compile("admin\\s+http://127.0.0.1:(\\d+)/admin");
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private PostgresConfig pg;
  private Path root;
  private Replica a;
  private Replica b;
  private String adminToken;

  private record Replica(Process process, int port, int adminPort) {
    String origin() {
      return "http://127.0.0.1:" + port;
    }
  }

  @BeforeAll
  void start() throws Exception {
    pg = EmbeddedPostgresServer.freshDatabase();
    root = Files.createTempDirectory("replicas-");
    Path config = root.resolve("replica.yaml");
    Files.writeString(
        config,
        """
        server: { event-loops: 2 }
        routing: { health: { breaker: { enabled: false } } }
        tenant-defaults: { default-policy: dev-open }
        storage:
          backend: postgres
          postgres: { host: 127.0.0.1, port: %d, database: %s, user: postgres, pool-size: 8 }
        rate-limits: { backend: redis, redis-url: "%s", key-prefix: replicas-%s }
        attestation: { max-batch-delay-ms: 2 }
        providers:
          - id: mock
            type: mock
            models:
              - { id: priced-chat, pricing: { input-per-million: 1000, output-per-million: 2000 }, max-output-tokens: 100 }
            mock: { reply-tokens: 16 }
        """
            .formatted(pg.port(), pg.database(), EmbeddedRedisServer.url(), pg.database()));
    Path dirA = Files.createDirectories(root.resolve("a"));
    a = launch("a", config, dirA);
    // Replicas share the secrets that make them one deployment: key hashing, log signing, admin.
    Path dirB = Files.createDirectories(root.resolve("b"));
    try (var files = Files.list(dirA)) {
      for (Path f : files.toList()) {
        String name = f.getFileName().toString();
        if (Files.isRegularFile(f) && !name.startsWith("sovereign.db")) {
          Files.copy(f, dirB.resolve(name));
        }
      }
    }
    b = launch("b", config, dirB);
    adminToken = Files.readString(dirA.resolve("admin.token")).trim();
  }

  private Replica launch(String tag, Path config, Path dataDir) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb =
        new ProcessBuilder(
            java,
            "--enable-native-access=ALL-UNNAMED",
            "-Xmx384m",
            "-cp",
            System.getProperty("java.class.path"),
            "io.sovereignrouter.gateway.Main",
            "up",
            "--config",
            config.toString(),
            "--data-dir",
            dataDir.toString(),
            "--port",
            "0",
            "--admin-port",
            "0");
    pb.redirectError(root.resolve(tag + ".err").toFile());
    Process p = pb.start();
    int[] ports = new int[2];
    CountDownLatch ready = new CountDownLatch(1);
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                  Matcher d = DATA_PLANE.matcher(line);
                  Matcher m = ADMIN.matcher(line);
                  if (d.find()) {
                    ports[0] = Integer.parseInt(d.group(1));
                  }
                  if (m.find()) {
                    ports[1] = Integer.parseInt(m.group(1));
                    ready.countDown();
                  }
                }
              } catch (IOException e) {
                // the replica went away
              }
            },
            "replica-" + tag);
    reader.setDaemon(true);
    reader.start();
    if (!ready.await(90, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException(
          "replica " + tag + " did not start: " + Files.readString(root.resolve(tag + ".err")));
    }
    return new Replica(p, ports[0], ports[1]);
  }

  @AfterAll
  void stop() {
    for (Replica r : new Replica[] {a, b}) {
      if (r != null && r.process().isAlive()) {
        r.process().destroyForcibly();
      }
    }
  }

  private JsonObject admin(String method, String path, String body) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + a.adminPort() + path))
                .header("Authorization", "Bearer " + adminToken)
                .method(
                    method,
                    body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isBetween(200, 201);
    return new JsonObject(r.body());
  }

  private String[] tenant(String name, String settings) throws Exception {
    String id =
        admin("POST", "/admin/v1/tenants", "{\"name\":\"" + name + "\"," + settings + "}")
            .getString("id");
    return new String[] {
      id, admin("POST", "/admin/v1/tenants/" + id + "/keys", null).getString("key")
    };
  }

  private HttpResponse<String> chat(Replica r, String key)
      throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create(r.origin() + "/v1/chat/completions"))
            .timeout(Duration.ofSeconds(20))
            .header("Authorization", "Bearer " + key)
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "{\"model\":\"priced-chat\",\"max_tokens\":100,"
                        + "\"messages\":[{\"role\":\"user\",\"content\":\"hello there\"}]}"))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Sends {@code perReplica} requests to each replica from 8 threads; returns every answer. */
  private List<HttpResponse<String>> burst(String key, int perReplica) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    ConcurrentLinkedQueue<HttpResponse<String>> out = new ConcurrentLinkedQueue<>();
    List<java.util.concurrent.Future<?>> all = new ArrayList<>();
    for (int i = 0; i < perReplica * 2; i++) {
      Replica target = i % 2 == 0 ? a : b;
      all.add(pool.submit(() -> out.add(chat(target, key))));
    }
    for (var f : all) {
      f.get();
    }
    pool.shutdown();
    return List.copyOf(out);
  }

  @Test
  void limitsCapsAndOneLog_acrossReplicas_survivingAKill() throws Exception {
    // Rate limits: key_rpm 20, 60 calls split over both replicas inside one minute window.
    long second = (System.currentTimeMillis() / 1000) % 60;
    if (second > 40) {
      Thread.sleep((61 - second) * 1000);
    }
    String[] limited = tenant("limited", "\"rate_limits\":{\"key_rpm\":20}");
    List<HttpResponse<String>> rl = burst(limited[1], 30);
    long admitted = rl.stream().filter(r -> r.statusCode() == 200).count();
    long refused = rl.stream().filter(r -> r.statusCode() == 429).count();
    assertThat(admitted + refused).isEqualTo(60);
    assertThat(admitted).as("one key, two replicas, one Redis counter").isEqualTo(20);

    // Spend cap: $0.50 a day, 40 calls over both replicas, each holding up to $0.21.
    String[] capped = tenant("capped", "\"spend_cap\":{\"usd\":0.5,\"period\":\"day\"}");
    List<HttpResponse<String>> cap = burst(capped[1], 20);
    for (int i = 0; i < 6; i++) {
      cap = new ArrayList<>(cap);
      cap.addAll(burst(capped[1], 3));
    }
    JsonArray usage =
        admin("GET", "/admin/v1/usage?tenant=" + capped[0], null).getJsonArray("data");
    long spent =
        Math.round(
            Double.parseDouble(usage.getJsonObject(0).getValue("cost_usd").toString()) * 1e6);
    assertThat(spent).as("spend across replicas").isLessThanOrEqualTo(500_000);
    long capServed = cap.stream().filter(r -> r.statusCode() == 200).count();

    // One log, with replica B killed (SIGKILL) at a random moment of the load.
    String[] plain = tenant("plain", "\"leak_scan_action\":\"redact\"");
    ConcurrentLinkedQueue<JsonObject> acknowledged = new ConcurrentLinkedQueue<>();
    Map<String, AtomicInteger> perReplica =
        new HashMap<>(Map.of("a", new AtomicInteger(), "b", new AtomicInteger()));
    AtomicBoolean stop = new AtomicBoolean();
    ExecutorService load = Executors.newFixedThreadPool(8);
    List<java.util.concurrent.Future<?>> workers = new ArrayList<>();
    AtomicInteger sent = new AtomicInteger();
    for (int i = 0; i < 8; i++) {
      Replica target = i % 2 == 0 ? a : b;
      String tag = i % 2 == 0 ? "a" : "b";
      workers.add(
          load.submit(
              () -> {
                while (!stop.get() && sent.incrementAndGet() <= 3_000) {
                  try {
                    HttpResponse<String> r = chat(target, plain[1]);
                    if (r.statusCode() == 200) {
                      acknowledged.add(new JsonObject(r.body()).getJsonObject("_sf_attestation"));
                      perReplica.get(tag).incrementAndGet();
                    }
                  } catch (IOException | InterruptedException e) {
                    if (!target.process().isAlive()) {
                      return null; // this replica was killed: its client stops
                    }
                  }
                }
                return null;
              }));
    }
    Thread.sleep(1_000 + ThreadLocalRandom.current().nextInt(2_000));
    b.process().destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    Thread.sleep(2_000);
    stop.set(true);
    for (var w : workers) {
      w.get(60, TimeUnit.SECONDS);
    }
    load.shutdown();
    a.process().destroy(); // graceful: drains and closes the log
    assertThat(a.process().waitFor(30, TimeUnit.SECONDS)).isTrue();

    Map<Long, String> entries = new HashMap<>();
    long treeSize;
    try (Connection c =
            DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:"
                    + pg.port()
                    + "/"
                    + pg.database()
                    + "?user=postgres");
        Statement st = c.createStatement()) {
      try (ResultSet rs =
          st.executeQuery("SELECT entry_index, data FROM log_entries ORDER BY entry_index")) {
        while (rs.next()) {
          entries.put(rs.getLong(1), new String(rs.getBytes(2), StandardCharsets.UTF_8));
        }
      }
      try (ResultSet rs = st.executeQuery("SELECT tree_size FROM log_checkpoint")) {
        rs.next();
        treeSize = rs.getLong(1);
      }
      long gaps = 0;
      for (long i = 0; i < treeSize; i++) {
        gaps += entries.containsKey(i) ? 0 : 1;
      }
      assertThat(gaps).as("indexes 0..size-1 all present").isZero();
      assertThat(entries).hasSize((int) treeSize);
      long lost = 0;
      java.util.Set<Long> seen = new java.util.HashSet<>();
      for (JsonObject att : acknowledged) {
        long index = att.getLong("rekor_index");
        assertThat(seen.add(index)).as("index %d acknowledged twice", index).isTrue();
        String stored = entries.get(index);
        if (stored == null || !new JsonObject(stored).equals(att.getJsonObject("envelope"))) {
          lost++;
        }
      }
      assertThat(lost).as("acknowledged attestations missing from the log").isZero();
      long usageRequests;
      try (ResultSet rs =
          st.executeQuery(
              "SELECT COALESCE(SUM(requests),0) FROM usage_daily WHERE tenant_id = '"
                  + plain[0]
                  + "'")) {
        rs.next();
        usageRequests = rs.getLong(1);
      }
      assertThat(usageRequests)
          .as("every acknowledged request was settled")
          .isGreaterThanOrEqualTo(acknowledged.size());
      System.out.printf(
          "multi-replica: rate limit 20/min → %d admitted of 60 (both replicas); spend cap $0.50 →"
              + " %d served, spent %d µ$ (overshoot %d); log: %d acknowledged (a=%d, b=%d before"
              + " SIGKILL), tree size %d, gaps 0, duplicates 0, lost 0, usage rows %d%n",
          admitted,
          capServed,
          spent,
          Math.max(0, spent - 500_000),
          acknowledged.size(),
          perReplica.get("a").get(),
          perReplica.get("b").get(),
          treeSize,
          usageRequests);
      assertThat(perReplica.get("b").get()).as("B served before it was killed").isPositive();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
