package io.sovereignrouter.gateway.keys;

import static org.assertj.core.api.Assertions.assertThat;

import io.sovereignrouter.gateway.Main;
import io.sovereignrouter.gateway.TestGateway;
import io.sovereignrouter.keystore.KekManifest;
import io.sovereignrouter.keystore.KekRing;
import io.sovereignrouter.keystore.KekSpec;
import io.sovereignrouter.keystore.LocalFileKeystore;
import io.sovereignrouter.keystore.LocalKek;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Issue 7 §4b through the CLI: {@code sovereign kek rotate} re-wraps every secret of a live
 * gateway's keystore while the gateway serves requests and keeps resolving secrets from disk
 * (plaintext cache TTL 1 ms; every provider replacement resolves its credential again); and a
 * SIGKILL of the CLI mid-rotation leaves every secret readable, a re-run resumes.
 */
class KekRotateIT {
  private static final int ENTRIES = 600;

  static final KeyCheckingUpstream upstream = new KeyCheckingUpstream();

  @TempDir Path tmp;

  @AfterAll
  static void stopUpstream() {
    upstream.close();
  }

  private static String yaml(Path keyFile) {
    return """
        server: { event-loops: 2 }
        keystore: { kek: "file:%s", cache-ttl-ms: 1 }
        providers:
          - { id: p-file, type: openai-compatible, base-url: "%s", credential: "file:upstream-key",
              models: [ { id: file-chat } ] }
        """
        .formatted(keyFile, upstream.baseUrl());
  }

  private Path keyFile(String name) throws Exception {
    Path f = tmp.resolve(name);
    Files.writeString(f, LocalKek.newEncodedKey());
    return f;
  }

  private static String value(int i) {
    return "sk-entry-" + i + "-9c1f";
  }

  private static int cli(String... args) {
    return new CommandLine(new Main()).execute(args);
  }

  @Test
  void kekRotate_onlineWhileTheGatewayServesAndResolves() throws Exception {
    Path k1 = keyFile("k1.key");
    Path data = tmp.resolve("data");
    LocalFileKeystore seed =
        LocalFileKeystore.open(data.resolve("keystore"), KekRing.of(LocalKek.fromFile(k1)));
    seed.put("upstream-key", "sk-upstream-main-55aa".getBytes(StandardCharsets.UTF_8));
    upstream.accepted.put("sk-upstream-main-55aa", "main");
    for (int i = 0; i < ENTRIES; i++) {
      seed.put("s" + i, value(i).getBytes(StandardCharsets.UTF_8));
      upstream.accepted.put(value(i), "s" + i);
    }
    Path config = tmp.resolve("sovereign.yaml");
    Files.writeString(config, yaml(k1));

    try (TestGateway g = TestGateway.start(data, yaml(k1), Map.of())) {
      assertThat(
              Admin.call(
                      g,
                      "POST",
                      "/admin/v1/providers",
                      Admin.provider("byok", "byok-chat", upstream.baseUrl(), "file:s0", 0))
                  .statusCode())
          .isEqualTo(201);
      AtomicBoolean rotating = new AtomicBoolean(true);
      AtomicInteger chats = new AtomicInteger();
      AtomicInteger replaced = new AtomicInteger();
      List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
      ExecutorService pool = Executors.newFixedThreadPool(4);
      List<Future<?>> load = new ArrayList<>();
      for (int w = 0; w < 3; w++) {
        load.add(
            pool.submit(
                () -> {
                  while (rotating.get()) {
                    for (String model : List.of("file-chat", "byok-chat")) {
                      HttpResponse<String> r = Admin.chat(g, g.demoKey(), model);
                      chats.incrementAndGet();
                      if (r.statusCode() != 200) {
                        failures.add(model + " " + r.statusCode() + " " + r.body());
                      }
                    }
                  }
                }));
      }
      // Replacing the provider resolves file:sN from disk (check + build) during the rotation.
      load.add(
          pool.submit(
              () -> {
                int rev = 1;
                while (rotating.get()) {
                  int n = (rev * 97) % ENTRIES;
                  HttpResponse<String> r =
                      Admin.call(
                          g,
                          "PUT",
                          "/admin/v1/providers/byok",
                          Admin.provider(
                              "byok", "byok-chat", upstream.baseUrl(), "file:s" + n, rev));
                  replaced.incrementAndGet();
                  if (r.statusCode() != 200) {
                    failures.add("PUT file:s" + n + " " + r.statusCode() + " " + r.body());
                  }
                  rev++;
                }
              }));
      Thread.sleep(300);
      Instant start = Instant.now();
      int status =
          cli(
              "kek",
              "rotate",
              "--new-key-file",
              tmp.resolve("k2.key").toString(),
              "--config",
              config.toString(),
              "--data-dir",
              data.toString());
      Duration took = Duration.between(start, Instant.now());
      Thread.sleep(300);
      rotating.set(false);
      for (Future<?> f : load) {
        f.get();
      }
      pool.shutdown();
      System.out.printf(
          "kek rotate under load: %d entries in %d ms; %d chat requests, %d provider"
              + " replacements (credential resolved from disk), %d failed%n",
          ENTRIES + 1, took.toMillis(), chats.get(), replaced.get(), failures.size());
      assertThat(status).isZero();
      assertThat(failures).isEmpty();
      assertThat(replaced.get()).isGreaterThan(1);

      LocalKek k2 = LocalKek.fromFile(tmp.resolve("k2.key"));
      LocalFileKeystore after = LocalFileKeystore.open(data.resolve("keystore"), KekRing.of(k2));
      assertThat(after.kekIds().values()).containsOnly(k2.id()).hasSize(ENTRIES + 1);
      assertThat(KekManifest.read(data.resolve("keystore")).find(k2.id())).isPresent();
      // every secret still resolves in the running gateway, which was started with k1 only
      for (int n : List.of(1, ENTRIES / 2, ENTRIES - 1)) {
        HttpResponse<String> r =
            Admin.call(
                g,
                "PUT",
                "/admin/v1/providers/byok",
                Admin.provider("byok", "byok-chat", upstream.baseUrl(), "file:s" + n, -n));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(Admin.chat(g, g.demoKey(), "byok-chat").body()).contains("key=s" + n);
      }
    }
    // a restart with the config still naming k1 reads through the manifest; naming k2 reads too
    for (Path kek : List.of(k1, tmp.resolve("k2.key"))) {
      try (TestGateway g = TestGateway.start(data, yaml(kek), Map.of())) {
        assertThat(Admin.chat(g, g.demoKey(), "file-chat").body()).contains("key=main");
      }
    }
  }

  @Test
  void kekRetire_onlyOnceNoSecretUsesItAndTheConfigMovedOn() throws Exception {
    Path k1 = keyFile("r1.key");
    Path k2 = keyFile("r2.key");
    Path data = tmp.resolve("retire-data");
    LocalKek old = LocalKek.fromFile(k1);
    LocalFileKeystore seed = LocalFileKeystore.open(data.resolve("keystore"), KekRing.of(old));
    for (int i = 0; i < 5; i++) {
      seed.put("s" + i, value(i).getBytes(StandardCharsets.UTF_8));
    }
    Path onK1 = tmp.resolve("on-k1.yaml");
    Files.writeString(onK1, yaml(k1));
    Path onK2 = tmp.resolve("on-k2.yaml");
    Files.writeString(onK2, yaml(k2));
    String dataDir = data.toString();
    String[] retireOld = {"kek", "retire", "--kek", old.id(), "--data-dir", dataDir, "--config"};

    // Before the rotation the old KEK still wraps every secret.
    Files.writeString(
        data.resolve("keystore").resolve(KekManifest.FILE),
        KekManifest.format(KekManifest.EMPTY.with(old.id(), new KekSpec.FromFile(k1))));
    assertThat(cli(concat(retireOld, onK2.toString()))).isEqualTo(2);
    assertThat(
            cli(
                "kek",
                "rotate",
                "--to",
                "file:" + k2,
                "--config",
                onK1.toString(),
                "--data-dir",
                dataDir))
        .isZero();
    // The config still names the old KEK: refused until it moves on.
    assertThat(cli(concat(retireOld, onK1.toString()))).isEqualTo(2);
    assertThat(cli(concat(retireOld, onK2.toString()))).isZero();
    KekManifest manifest = KekManifest.read(data.resolve("keystore"));
    assertThat(manifest.find(old.id())).isEmpty();
    LocalKek current = LocalKek.fromFile(k2);
    assertThat(manifest.find(current.id())).isPresent();
    // The current KEK cannot be retired; every secret reads without the old one.
    assertThat(
            cli(
                "kek",
                "retire",
                "--kek",
                current.id(),
                "--data-dir",
                dataDir,
                "--config",
                onK2.toString()))
        .isEqualTo(2);
    LocalFileKeystore after = LocalFileKeystore.open(data.resolve("keystore"), KekRing.of(current));
    for (int i = 0; i < 5; i++) {
      assertThat(new String(after.lookup("s" + i).orElseThrow(), StandardCharsets.UTF_8))
          .isEqualTo(value(i));
    }
  }

  private static String[] concat(String[] head, String last) {
    String[] all = java.util.Arrays.copyOf(head, head.length + 1);
    all[head.length] = last;
    return all;
  }

  @Test
  void kekRotate_sigkillMidwayLeavesEverySecretReadable_rerunResumes() throws Exception {
    Path k1 = keyFile("k1.key");
    Path k2 = keyFile("k2.key");
    Path data = tmp.resolve("data");
    int entries = 2000;
    LocalFileKeystore seed =
        LocalFileKeystore.open(data.resolve("keystore"), KekRing.of(LocalKek.fromFile(k1)));
    for (int i = 0; i < entries; i++) {
      seed.put("s" + i, value(i).getBytes(StandardCharsets.UTF_8));
    }
    Path config = tmp.resolve("sovereign.yaml");
    Files.writeString(config, yaml(k1));
    String[] rotate = {
      "kek",
      "rotate",
      "--to",
      "file:" + k2,
      "--config",
      config.toString(),
      "--data-dir",
      data.toString()
    };
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Main.class.getName());
    command.addAll(List.of(rotate));
    Process child =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    LocalKek newKek = LocalKek.fromFile(k2);
    long done = 0;
    Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
    while (done < 20 && child.isAlive() && Instant.now().isBefore(deadline)) {
      Thread.sleep(5);
      done = seed.kekIds().values().stream().filter(newKek.id()::equals).count();
    }
    assertThat(child.isAlive()).as("CLI still rotating when killed").isTrue();
    child.destroyForcibly(); // SIGKILL
    child.waitFor();
    long rewrapped = seed.kekIds().values().stream().filter(newKek.id()::equals).count();
    System.out.printf("kek rotate SIGKILLed after %d of %d entries%n", rewrapped, entries);
    assertThat(rewrapped).isBetween(20L, entries - 1L);

    // a gateway restarted with the old config opens every entry: k2 comes from the manifest
    LocalFileKeystore restarted =
        LocalFileKeystore.open(
            data.resolve("keystore"),
            Optional.of(KekRing.of(LocalKek.fromFile(k1))),
            KekManifest.loader(data.resolve("keystore"), Map.of(), List.of()));
    for (int i = 0; i < entries; i++) {
      assertThat(restarted.lookup("s" + i).map(b -> new String(b, StandardCharsets.UTF_8)))
          .contains(value(i));
    }
    assertThat(cli(rotate)).isZero();
    assertThat(
            LocalFileKeystore.open(data.resolve("keystore"), KekRing.of(newKek)).kekIds().values())
        .containsOnly(newKek.id())
        .hasSize(entries);
  }
}
