package io.sovereignrouter.gateway.keys;

import static org.assertj.core.api.Assertions.assertThat;

import io.sovereignrouter.attestation.AttestationVerification;
import io.sovereignrouter.attestation.AttestationVerifier;
import io.sovereignrouter.attestation.Envelope;
import io.sovereignrouter.attestation.Envelopes;
import io.sovereignrouter.attestation.LogKeys;
import io.sovereignrouter.attestation.LogSource;
import io.sovereignrouter.attestation.NoteVerifierKey;
import io.sovereignrouter.attestation.Statements;
import io.sovereignrouter.gateway.Attested;
import io.sovereignrouter.gateway.GatewayExtension;
import io.sovereignrouter.gateway.Main;
import io.sovereignrouter.gateway.TestGateway;
import io.sovereignrouter.gateway.attest.AuditLog;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Issue 7 §4(c): {@code sovereign log-key rotate} against a gateway under load (loopback, bounded):
 * no request fails, attestations from both sides of the boundary verify with both public keys, the
 * rotation is a log entry signed by both keys, and the old key alone no longer verifies the log.
 */
class LogKeyRotationIT {
  private static final int WORKERS = 8;

  @RegisterExtension
  static final GatewayExtension running =
      GatewayExtension.of(() -> TestGateway.resource("/conformance.yaml"), Map.of());

  @TempDir Path tmp;

  @Test
  void rotateUnderLoad_noFailures_attestationsVerifyAcrossTheBoundary() throws Exception {
    TestGateway g = running.get();
    Path data = g.gateway().dataDir().root();
    Path logDir = g.gateway().auditLog().root();
    NoteVerifierKey oldKey =
        NoteVerifierKey.parse(Files.readString(data.resolve("log.pub")).strip());
    assertThat(Admin.chat(g, g.demoKey(), "mock-chat").statusCode()).isEqualTo(200);

    AtomicBoolean load = new AtomicBoolean(true);
    List<HttpResponse<String>> answers = Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
    List<Future<?>> workers = new ArrayList<>();
    for (int w = 0; w < WORKERS; w++) {
      workers.add(
          pool.submit(
              () -> {
                for (int i = 0; i < 400 && load.get(); i++) {
                  answers.add(Admin.chat(g, g.demoKey(), "mock-chat"));
                }
              }));
    }
    Thread.sleep(1500);
    String out =
        cli("log-key", "rotate", "--admin-url", g.adminOrigin(), "--data-dir", data.toString());
    Thread.sleep(1500);
    load.set(false);
    for (Future<?> f : workers) {
      f.get();
    }
    pool.shutdown();

    List<HttpResponse<String>> all = List.copyOf(answers);
    long failed = all.stream().filter(r -> r.statusCode() != 200).count();
    NoteVerifierKey newKey =
        NoteVerifierKey.parse(Files.readString(data.resolve("log.pub")).strip());
    LogKeys keys = LogKeys.parse(Files.readString(data.resolve(AuditLog.KEYS_FILE)));
    assertThat(keys.keys()).containsExactly(oldKey, newKey);

    // Every answer verifies with both keys against the log as it is now; count each side.
    AttestationVerifier both = AttestationVerifier.of(keys);
    AttestationVerifier oldOnly = AttestationVerifier.of(oldKey);
    LogSource log = LogSource.directory(logDir);
    int byOld = 0;
    int byNew = 0;
    for (HttpResponse<String> r : all) {
      byte[] body = r.body().getBytes(StandardCharsets.UTF_8);
      AttestationVerification v = both.verify(body, log);
      assertThat(v.ok()).as("%s", v.checks()).isTrue();
      Envelope envelope = envelope(Attested.of(r.body()));
      if (Envelopes.verify(envelope, oldKey).ok()) {
        byOld++;
        // The log moved on under the new key: the old key alone cannot vouch for it any more.
        assertThat(oldOnly.verify(body, log).ok()).isFalse();
      } else {
        assertThat(Envelopes.verify(envelope, newKey).ok()).isTrue();
        byNew++;
      }
    }
    System.out.printf(
        "log key rotation under load: %d requests (%d workers), %d failed; %d attested by the old"
            + " key, %d by the new%n",
        all.size(), WORKERS, failed, byOld, byNew);
    assertThat(failed).isZero();
    assertThat(byOld).isPositive();
    assertThat(byNew).isPositive();

    // The rotation is an entry signed by both keys, naming both.
    Matcher m = Pattern.compile("log index (\\d+)").matcher(out);
    assertThat(m.find()).as(out).isTrue();
    long index = Long.parseLong(m.group(1));
    Envelope record = Envelopes.parse(g.gateway().auditLog().entry(index));
    assertThat(Envelopes.verify(record, oldKey).ok()).isTrue();
    assertThat(Envelopes.verify(record, newKey).ok()).isTrue();
    JsonObject event = new JsonObject(Statements.parse(record.payload()).predicate().toString());
    assertThat(event.getString("type")).isEqualTo("log_key.rotated");
    assertThat(event.getString("previous_key")).isEqualTo(oldKey.format());
    assertThat(event.getString("new_key")).isEqualTo(newKey.format());
    assertThat(Files.exists(data.resolve("log.key.next"))).isFalse();

    // The CLI verifier takes log-keys.pub; with the old key alone it refuses the new log.
    Path early = tmp.resolve("early.json");
    Files.writeString(early, all.get(0).body());
    Path oldPub = tmp.resolve("old.pub");
    Files.writeString(oldPub, oldKey.format() + "\n");
    String keysFile = data.resolve(AuditLog.KEYS_FILE).toString();
    assertThat(verify(early, keysFile, logDir)).isZero();
    assertThat(verify(early, oldPub.toString(), logDir)).isEqualTo(1);
  }

  private static Envelope envelope(JsonObject attestation) throws Exception {
    return Envelopes.fromJson(
        io.vertx.core.json.jackson.DatabindCodec.mapper()
            .readTree(attestation.getJsonObject("envelope").encode()));
  }

  private static int verify(Path file, String keys, Path logDir) {
    return new CommandLine(new Main())
        .execute("verify", file.toString(), "--log-key", keys, "--log", logDir.toString());
  }

  // Runs a command and returns what it printed.
  private static String cli(String... args) {
    PrintStream saved = System.out;
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    int status;
    try {
      status = new CommandLine(new Main()).execute(args);
    } finally {
      System.setOut(saved);
    }
    String out = buffer.toString(StandardCharsets.UTF_8);
    assertThat(status).as(out).isZero();
    return out;
  }
}
