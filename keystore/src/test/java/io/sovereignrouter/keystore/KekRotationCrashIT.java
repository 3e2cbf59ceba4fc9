package io.sovereignrouter.keystore;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 7 §4b: a kill during re-wrap leaves every secret readable. A child JVM rotates a keystore
 * of 200 entries and is killed with SIGKILL part-way; the parent then reads every entry with both
 * KEKs configured and finishes the rotation.
 */
class KekRotationCrashIT {
  private static final int ENTRIES = 200;

  @TempDir Path tmp;

  @Test
  void rotateKek_sigkillMidwayLeavesEverySecretReadable() throws Exception {
    String oldEncoded = LocalKek.newEncodedKey();
    String newEncoded = LocalKek.newEncodedKey();
    LocalKek oldKek = LocalKek.parse(oldEncoded);
    LocalKek newKek = LocalKek.parse(newEncoded);
    Path dir = tmp.resolve("ks");
    LocalFileKeystore ks = LocalFileKeystore.open(dir, KekRing.of(oldKek));
    for (int i = 0; i < ENTRIES; i++) {
      ks.put("s" + i, ("value-" + i).getBytes(StandardCharsets.UTF_8));
    }

    ProcessBuilder pb =
        new ProcessBuilder(
                List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp",
                    System.getProperty("java.class.path"),
                    RotationChild.class.getName(),
                    dir.toString()))
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD);
    pb.environment().put("OLD_KEK", oldEncoded);
    pb.environment().put("NEW_KEK", newEncoded);
    Process child = pb.start();

    long rotated = 0;
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (rotated < 20 && child.isAlive() && Instant.now().isBefore(deadline)) {
      Thread.sleep(20);
      rotated = countUnder(ks, newKek.id());
    }
    assertThat(child.isAlive()).as("child still rotating when killed").isTrue();
    child.destroyForcibly(); // SIGKILL on POSIX
    child.waitFor();

    Map<String, String> state = ks.kekIds();
    long done = state.values().stream().filter(newKek.id()::equals).count();
    assertThat(state).hasSize(ENTRIES);
    assertThat(done).as("entries re-wrapped before the kill").isBetween(20L, ENTRIES - 1L);

    LocalFileKeystore restarted = LocalFileKeystore.open(dir, new KekRing(newKek, List.of(oldKek)));
    for (int i = 0; i < ENTRIES; i++) {
      assertThat(restarted.lookup("s" + i).map(b -> new String(b, StandardCharsets.UTF_8)))
          .contains("value-" + i);
    }
    RotationReport resumed = restarted.rotateKek(newKek);
    assertThat(resumed.rewrapped().size() + resumed.alreadyCurrent().size()).isEqualTo(ENTRIES);
    assertThat(resumed.alreadyCurrent()).hasSizeGreaterThanOrEqualTo((int) done);
    restarted.retireKek(oldKek.id());
    assertThat(restarted.kekIds().values()).containsOnly(newKek.id());
  }

  private static long countUnder(LocalFileKeystore ks, String kekId) {
    return ks.kekIds().values().stream().filter(kekId::equals).count();
  }
}
