package io.sovereignrouter.keystore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalFileKeystoreTest {
  private static final String CANARY = "sk-CANARY-a8d2f0e4b6";

  @TempDir Path tmp;

  private final LocalKek kek1 = LocalKek.parse(LocalKek.newEncodedKey());
  private final LocalKek kek2 = LocalKek.parse(LocalKek.newEncodedKey());

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static String text(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }

  @Test
  void put_lookup_roundTrip() {
    LocalFileKeystore ks = LocalFileKeystore.open(tmp.resolve("ks"), KekRing.of(kek1));
    assertThat(ks.put("openai", utf8(CANARY))).isEqualTo(kek1.id());
    assertThat(ks.lookup("openai").map(LocalFileKeystoreTest::text)).contains(CANARY);
    assertThat(ks.lookup("missing")).isEmpty();
    assertThat(ks.names()).containsExactly("openai");
  }

  @Test
  void put_filesAre0600DirIs0700AndHoldNoPlaintext() throws Exception {
    Path dir = tmp.resolve("ks");
    LocalFileKeystore ks = LocalFileKeystore.open(dir, KekRing.of(kek1));
    ks.put("openai", utf8(CANARY));
    Path file = dir.resolve("openai.secret");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)))
        .isEqualTo("rwx------");
    String onDisk = Files.readString(file, StandardCharsets.ISO_8859_1);
    assertThat(onDisk).doesNotContain(CANARY).startsWith("sovereign-secret v1\nname openai\n");
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("openai.secret");
    }
  }

  @Test
  void put_withoutKekIsRefusedAndWritesNothing() throws Exception {
    Path dir = tmp.resolve("ks");
    LocalFileKeystore ks = LocalFileKeystore.open(dir);
    assertThatThrownBy(() -> ks.put("openai", utf8(CANARY)))
        .isInstanceOf(MissingKekException.class)
        .hasMessageContaining("refusing to store secret 'openai'")
        .hasMessageContaining("SOVEREIGN_ENCRYPTION_KEY")
        .message()
        .doesNotContain(CANARY);
    try (var files = Files.list(dir)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void lookup_existingEntryWithoutKekFails() {
    Path dir = tmp.resolve("ks");
    LocalFileKeystore.open(dir, KekRing.of(kek1)).put("openai", utf8(CANARY));
    assertThatThrownBy(() -> LocalFileKeystore.open(dir).lookup("openai"))
        .isInstanceOf(MissingKekException.class);
  }

  @Test
  void lookup_wrongKekFailsClosed() {
    Path dir = tmp.resolve("ks");
    LocalFileKeystore.open(dir, KekRing.of(kek1)).put("openai", utf8(CANARY));
    assertThatThrownBy(() -> LocalFileKeystore.open(dir, KekRing.of(kek2)).lookup("openai"))
        .isInstanceOf(SecretDecryptionException.class)
        .hasMessageContaining(kek1.id())
        .hasMessageContaining("not configured");
  }

  @Test
  void lookup_tamperedCiphertextFails() throws Exception {
    Path dir = tmp.resolve("ks");
    LocalFileKeystore ks = LocalFileKeystore.open(dir, KekRing.of(kek1));
    ks.put("openai", utf8(CANARY));
    Path file = dir.resolve("openai.secret");
    List<String> lines = Files.readAllLines(file);
    String ct = lines.get(4);
    char last = ct.charAt(ct.length() - 3);
    lines.set(
        4,
        ct.substring(0, ct.length() - 3)
            + (last == 'A' ? 'B' : 'A')
            + ct.substring(ct.length() - 2));
    Files.writeString(file, String.join("\n", lines) + "\n");
    assertThatThrownBy(() -> ks.lookup("openai"))
        .isInstanceOf(KeystoreException.class)
        .message()
        .doesNotContain(CANARY);
  }

  @Test
  void lookup_entryMovedToAnotherNameFails() throws Exception {
    Path dir = tmp.resolve("ks");
    LocalFileKeystore ks = LocalFileKeystore.open(dir, KekRing.of(kek1));
    ks.put("a", utf8("value-a"));
    ks.put("b", utf8("value-b"));
    // rename the entry inside the file too: AAD binds both ciphertexts to the original name
    String moved = Files.readString(dir.resolve("a.secret")).replace("name a\n", "name b\n");
    Files.writeString(dir.resolve("b.secret"), moved);
    assertThatThrownBy(() -> ks.lookup("b")).isInstanceOf(SecretDecryptionException.class);
    // a file whose header names another entry is rejected outright
    Files.copy(dir.resolve("a.secret"), dir.resolve("c.secret"));
    assertThatThrownBy(() -> ks.lookup("c"))
        .isInstanceOf(SecretDecryptionException.class)
        .hasMessageContaining("holds entry 'a'");
  }

  @Test
  void put_replacesAndDeleteRemoves() {
    LocalFileKeystore ks = LocalFileKeystore.open(tmp.resolve("ks"), KekRing.of(kek1));
    ks.put("openai", utf8("v1"));
    ks.put("openai", utf8("v2"));
    assertThat(ks.lookup("openai").map(LocalFileKeystoreTest::text)).contains("v2");
    assertThat(ks.delete("openai")).isTrue();
    assertThat(ks.delete("openai")).isFalse();
    assertThat(ks.lookup("openai")).isEmpty();
  }

  @Test
  void put_badNameRejected() {
    LocalFileKeystore ks = LocalFileKeystore.open(tmp.resolve("ks"), KekRing.of(kek1));
    assertThatThrownBy(() -> ks.put("../escape", utf8("x")))
        .isInstanceOf(SecretRefFormatException.class);
  }

  @Test
  void rotateKek_rewrapsEveryEntryThenOldKekRetires() {
    Path dir = tmp.resolve("ks");
    LocalFileKeystore ks = LocalFileKeystore.open(dir, KekRing.of(kek1));
    for (int i = 0; i < 5; i++) {
      ks.put("s" + i, utf8("value-" + i));
    }
    RotationReport report = ks.rotateKek(kek2);
    assertThat(report.kekId()).isEqualTo(kek2.id());
    assertThat(report.rewrapped()).containsExactly("s0", "s1", "s2", "s3", "s4");
    assertThat(report.alreadyCurrent()).isEmpty();
    assertThat(ks.kekIds().values()).containsOnly(kek2.id());

    ks.retireKek(kek1.id());
    assertThat(ks.keks().orElseThrow().previous()).isEmpty();
    // a keystore that only knows the new KEK reads everything
    LocalFileKeystore fresh = LocalFileKeystore.open(dir, KekRing.of(kek2));
    for (int i = 0; i < 5; i++) {
      assertThat(fresh.lookup("s" + i).map(LocalFileKeystoreTest::text)).contains("value-" + i);
    }
    // running it again is a no-op
    assertThat(ks.rotateKek(kek2).rewrapped()).isEmpty();
  }

  @Test
  void retireKek_refusedWhileEntriesStillUseIt() {
    Path dir = tmp.resolve("ks");
    LocalFileKeystore.open(dir, KekRing.of(kek1)).put("s", utf8("v"));
    LocalFileKeystore ks = LocalFileKeystore.open(dir, new KekRing(kek2, List.of(kek1)));
    assertThatThrownBy(() -> ks.retireKek(kek1.id()))
        .isInstanceOf(KeystoreException.class)
        .hasMessageContaining("still wraps 1 entries");
  }

  @Test
  void rotateKek_failureMidwayLeavesEverythingReadableAndResumes() {
    Path dir = tmp.resolve("ks");
    LocalFileKeystore ks = LocalFileKeystore.open(dir, KekRing.of(kek1));
    for (int i = 0; i < 6; i++) {
      ks.put("s" + i, utf8("value-" + i));
    }
    Kek flaky = new FailingAfter(kek2, 3);
    assertThatThrownBy(() -> ks.rotateKek(flaky)).isInstanceOf(KeystoreException.class);
    assertThat(ks.kekIds().values()).containsOnly(kek1.id(), kek2.id());

    // a restart with both KEKs reads every entry, and a new rotation finishes the job
    LocalFileKeystore restarted = LocalFileKeystore.open(dir, new KekRing(kek2, List.of(kek1)));
    for (int i = 0; i < 6; i++) {
      assertThat(restarted.lookup("s" + i).map(LocalFileKeystoreTest::text)).contains("value-" + i);
    }
    RotationReport resumed = restarted.rotateKek(kek2);
    assertThat(resumed.rewrapped()).hasSize(3);
    assertThat(resumed.alreadyCurrent()).hasSize(3);
    assertThat(restarted.kekIds().values()).containsOnly(kek2.id());
  }

  @Test
  void rotateKek_concurrentReadersNeverFail() throws Exception {
    Path dir = tmp.resolve("ks");
    LocalFileKeystore ks = LocalFileKeystore.open(dir, KekRing.of(kek1));
    int n = 40;
    for (int i = 0; i < n; i++) {
      ks.put("s" + i, utf8("value-" + i));
    }
    AtomicBoolean done = new AtomicBoolean();
    AtomicLong reads = new AtomicLong();
    AtomicInteger failures = new AtomicInteger();
    List<Thread> readers = new java.util.ArrayList<>();
    for (int t = 0; t < 4; t++) {
      int seed = t;
      readers.add(
          Thread.ofPlatform()
              .start(
                  () -> {
                    int i = seed;
                    while (!done.get()) {
                      String name = "s" + (i++ % n);
                      try {
                        String v = ks.lookup(name).map(LocalFileKeystoreTest::text).orElse("");
                        if (!v.equals("value-" + name.substring(1))) {
                          failures.incrementAndGet();
                        }
                      } catch (RuntimeException e) {
                        failures.incrementAndGet();
                      }
                      reads.incrementAndGet();
                    }
                  }));
    }
    Thread.sleep(50);
    LocalKek kek3 = LocalKek.parse(LocalKek.newEncodedKey());
    ks.rotateKek(kek2);
    ks.rotateKek(kek3);
    Thread.sleep(50);
    done.set(true);
    for (Thread r : readers) {
      r.join();
    }
    System.out.printf(
        "KEK rotation x2 under load: %d reads, %d failed%n", reads.get(), failures.get());
    assertThat(reads.get()).isGreaterThan(n);
    assertThat(failures.get()).as("failed reads out of " + reads.get()).isZero();
    assertThat(ks.kekIds().values()).containsOnly(kek3.id());
  }

  /** A KEK whose wraps start failing after {@code allowed} calls: an outage mid-rotation. */
  private static final class FailingAfter implements Kek {
    private final Kek delegate;
    private final AtomicInteger remaining;

    FailingAfter(Kek delegate, int allowed) {
      this.delegate = delegate;
      this.remaining = new AtomicInteger(allowed);
    }

    @Override
    public String id() {
      return delegate.id();
    }

    @Override
    public byte[] wrap(byte[] dataKey, byte[] aad) {
      if (remaining.getAndDecrement() <= 0) {
        throw new KeystoreException("simulated outage");
      }
      return delegate.wrap(dataKey, aad);
    }

    @Override
    public byte[] unwrap(byte[] wrapped, byte[] aad) {
      return delegate.unwrap(wrapped, aad);
    }
  }
}
