package io.sovereignrouter.gateway.keys;

import static org.assertj.core.api.Assertions.assertThat;

import io.sovereignrouter.gateway.GatewayExtension;
import io.sovereignrouter.gateway.TestGateway;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 7 §4: zero-downtime rotation under concurrent load, on loopback, bounded in time. (a) A
 * tenant key rotated through the admin API: the old key keeps working through the overlap, then
 * answers 401; no request fails during the rotation. (d) A provider's BYOK credential replaced with
 * {@code PUT /admin/v1/providers/{id}} ({@code env:OLD} → {@code env:NEW}) against an upstream that
 * checks the key: no request fails, requests after the swap carry the new key, requests in flight
 * across the swap finish with the old one.
 */
class RotationLoadIT {
  private static final int WORKERS = 8;
  private static final String OLD = "sk-byok-old-0a9f3e1d77c2";
  private static final String NEW = "sk-byok-new-6b2c8d40e915";

  static final KeyCheckingUpstream upstream = new KeyCheckingUpstream();

  @RegisterExtension
  static final GatewayExtension running =
      GatewayExtension.of(
          () -> TestGateway.resource("/conformance.yaml"),
          Map.of("BYOK_OLD", OLD, "BYOK_NEW", NEW));

  @AfterAll
  static void stopUpstream() {
    upstream.close();
  }

  /** The first requests compile the policy engine's wasm: keep that out of the measured window. */
  private static void warmUp(TestGateway g, String key, String model) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
    List<Future<HttpResponse<String>>> warm = new ArrayList<>();
    for (int i = 0; i < WORKERS * 2; i++) {
      warm.add(pool.submit(() -> Admin.chat(g, key, model)));
    }
    for (Future<HttpResponse<String>> f : warm) {
      HttpResponse<String> r = f.get();
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }
    pool.shutdown();
  }

  private static long upstreamArrival(Sample s) {
    return Long.parseLong(new JsonObject(s.body()).getString("id").substring("chatcmpl-".length()));
  }

  /** One request as a load worker saw it. */
  record Sample(long startNanos, long endNanos, boolean oldKey, int status, String body) {}

  @Test
  void tenantKeyRotation_underLoad_overlapThen401_noFailures() throws Exception {
    TestGateway g = running.get();
    String tenant =
        new JsonObject(Admin.call(g, "POST", "/admin/v1/tenants", "{\"name\":\"load\"}").body())
            .getString("id");
    String first =
        new JsonObject(Admin.call(g, "POST", "/admin/v1/tenants/" + tenant + "/keys", null).body())
            .getString("key");
    warmUp(g, first, "mock-chat");
    AtomicReference<String> current = new AtomicReference<>(first);
    AtomicBoolean running = new AtomicBoolean(true);
    List<Sample> samples = Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
    List<Future<?>> workers = new ArrayList<>();
    for (int w = 0; w < WORKERS; w++) {
      // even workers are clients that never update their key; odd ones switch to the new key
      boolean sticky = w % 2 == 0;
      workers.add(
          pool.submit(
              () -> {
                while (running.get()) {
                  String key = sticky ? first : current.get();
                  long t0 = System.nanoTime();
                  HttpResponse<String> r = Admin.chat(g, key, "mock-chat");
                  samples.add(
                      new Sample(
                          t0, System.nanoTime(), key.equals(first), r.statusCode(), r.body()));
                }
              }));
    }
    Thread.sleep(1000);
    long overlapSeconds = 3;
    long rotateStart = System.nanoTime();
    HttpResponse<String> rotated =
        Admin.call(
            g,
            "POST",
            "/admin/v1/tenants/" + tenant + "/keys/rotate",
            "{\"overlap_seconds\":" + overlapSeconds + "}");
    long rotateEnd = System.nanoTime();
    assertThat(rotated.statusCode()).as(rotated.body()).isEqualTo(201);
    JsonObject body = new JsonObject(rotated.body());
    current.set(body.getString("key"));
    Instant until = Instant.parse(body.getString("previous_keys_valid_until"));
    long untilNanos =
        rotateEnd + Duration.between(Instant.now(), until).toNanos(); // wall → monotonic
    Thread.sleep(Duration.between(Instant.now(), until).toMillis() + 1500);
    running.set(false);
    for (Future<?> f : workers) {
      f.get();
    }
    pool.shutdown();

    long margin = Duration.ofMillis(300).toNanos();
    List<Sample> all = List.copyOf(samples);
    List<Sample> duringRotation =
        all.stream().filter(s -> !s.oldKey() || s.endNanos() < untilNanos - margin).toList();
    List<Sample> failed = duringRotation.stream().filter(s -> s.status() != 200).toList();
    List<Sample> oldInOverlap =
        all.stream()
            .filter(
                s -> s.oldKey() && s.startNanos() > rotateEnd && s.endNanos() < untilNanos - margin)
            .toList();
    List<Sample> oldAfter =
        all.stream().filter(s -> s.oldKey() && s.startNanos() > untilNanos + margin).toList();
    System.out.printf(
        "tenant key rotation under load: %d requests (%d workers), %d during rotation and"
            + " overlap, %d failed; old key: %d served inside the %ds overlap, %d after it (all"
            + " 401: %s); rotate call %d ms%n",
        all.size(),
        WORKERS,
        duringRotation.size(),
        failed.size(),
        oldInOverlap.size(),
        overlapSeconds,
        oldAfter.size(),
        oldAfter.stream().allMatch(s -> s.status() == 401),
        Duration.ofNanos(rotateEnd - rotateStart).toMillis());
    assertThat(failed).isEmpty();
    assertThat(oldInOverlap).isNotEmpty().allMatch(s -> s.status() == 200);
    assertThat(oldAfter).isNotEmpty().allMatch(s -> s.status() == 401);
    assertThat(new JsonObject(oldAfter.get(0).body()).getJsonObject("error").getString("code"))
        .isNotBlank();
    assertThat(Admin.chat(g, current.get(), "mock-chat").statusCode()).isEqualTo(200);
  }

  @Test
  void byokCredentialSwap_underLoad_inFlightFinishWithOld_newUseNew_noFailures() throws Exception {
    TestGateway g = running.get();
    upstream.accepted.put(OLD, "old");
    upstream.accepted.put(NEW, "new");
    upstream.delayMs = 150;
    HttpResponse<String> created =
        Admin.call(
            g,
            "POST",
            "/admin/v1/providers",
            Admin.provider("byok", "byok-chat", upstream.baseUrl(), "env:BYOK_OLD", 0));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    warmUp(g, g.demoKey(), "byok-chat");
    AtomicBoolean running = new AtomicBoolean(true);
    List<Sample> samples = Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
    List<Future<?>> workers = new ArrayList<>();
    for (int w = 0; w < WORKERS; w++) {
      workers.add(
          pool.submit(
              () -> {
                while (running.get()) {
                  long t0 = System.nanoTime();
                  HttpResponse<String> r = Admin.chat(g, g.demoKey(), "byok-chat");
                  boolean old = r.statusCode() == 200 && r.body().contains("key=old");
                  samples.add(new Sample(t0, System.nanoTime(), old, r.statusCode(), r.body()));
                }
              }));
    }
    Thread.sleep(2000);
    long swapStart = System.nanoTime();
    HttpResponse<String> swapped =
        Admin.call(
            g,
            "PUT",
            "/admin/v1/providers/byok",
            Admin.provider("byok", "byok-chat", upstream.baseUrl(), "env:BYOK_NEW", 1));
    long swapEnd = System.nanoTime();
    assertThat(swapped.statusCode()).as(swapped.body()).isEqualTo(200);
    assertThat(swapped.body()).doesNotContain(OLD).doesNotContain(NEW);
    Thread.sleep(2000);
    running.set(false);
    for (Future<?> f : workers) {
      f.get();
    }
    pool.shutdown();
    upstream.delayMs = 0;

    List<Sample> all = List.copyOf(samples);
    List<Sample> failed = all.stream().filter(s -> s.status() != 200).toList();
    List<Sample> before = all.stream().filter(s -> s.endNanos() < swapStart).toList();
    // in flight = already at the upstream (arrival stamped in the reply id) when the swap began
    List<Sample> inFlight =
        all.stream()
            .filter(
                s -> s.status() == 200 && upstreamArrival(s) < swapStart && s.endNanos() > swapEnd)
            .toList();
    List<Sample> after = all.stream().filter(s -> s.startNanos() > swapEnd).toList();
    System.out.printf(
        "BYOK swap under load: %d requests (%d workers, upstream 150 ms), %d failed; %d before"
            + " the swap (old key), %d in flight across it (finished with the old key: %d), %d"
            + " after it (new key: %d); PUT took %d ms%n",
        all.size(),
        WORKERS,
        failed.size(),
        before.size(),
        inFlight.size(),
        inFlight.stream().filter(Sample::oldKey).count(),
        after.size(),
        after.stream().filter(s -> s.body().contains("key=new")).count(),
        Duration.ofNanos(swapEnd - swapStart).toMillis());
    assertThat(failed).isEmpty();
    assertThat(before).isNotEmpty().allMatch(Sample::oldKey);
    assertThat(inFlight).isNotEmpty().allMatch(Sample::oldKey);
    assertThat(after).isNotEmpty().allMatch(s -> s.body().contains("key=new"));
    assertThat(upstream.rejected.get()).isZero();
  }
}
