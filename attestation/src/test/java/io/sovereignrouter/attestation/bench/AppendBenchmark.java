package io.sovereignrouter.attestation.bench;

import io.sovereignrouter.attestation.AppendResult;
import io.sovereignrouter.attestation.Ed25519Signer;
import io.sovereignrouter.attestation.FileTileStore;
import io.sovereignrouter.attestation.LogConfig;
import io.sovereignrouter.attestation.MerkleLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Appends per second with group commit on the local disk (real fsyncs), the latency one append
 * waits for its proof ({@code attestation.proof: sync}) and, on a journaled log, for the promise of
 * its index ({@code async}). Not part of the normal build; see the module README.
 */
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
public class AppendBenchmark {
  private static final int WINDOW = 4096;

  @Param({"5"})
  public int maxBatchDelayMs;

  /** A journaled log writes each batch to its journal (one fdatasync) before integrating it. */
  @Param({"false", "true"})
  public boolean journaled;

  private Path dir;
  private MerkleLog log;
  private final AtomicLong counter = new AtomicLong();

  @Setup(Level.Trial)
  public void open() throws IOException {
    dir =
        Files.createTempDirectory(Path.of(System.getProperty("bench.dir", "target")), "bench-log");
    Ed25519Signer key = Ed25519Signer.generate("bench.example/log", new SecureRandom());
    LogConfig config = new LogConfig(Duration.ofMillis(maxBatchDelayMs), 8192, 1 << 20);
    log =
        journaled
            ? MerkleLog.openJournaled(FileTileStore.open(dir), key, config)
            : MerkleLog.open(FileTileStore.open(dir), key, config);
  }

  @TearDown(Level.Trial)
  public void close() throws IOException {
    log.close();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  private byte[] entry() {
    // About the size of a DSSE envelope with a small predicate.
    byte[] e = new byte[1024];
    long n = counter.incrementAndGet();
    for (int i = 0; i < 8; i++) {
      e[i] = (byte) (n >>> (8 * i));
    }
    return e;
  }

  /** Throughput: {@value #WINDOW} appends in flight, waiting for every proof. */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @OperationsPerInvocation(WINDOW)
  @Threads(1)
  public long appendsPerSecond() throws Exception {
    @SuppressWarnings("unchecked")
    CompletableFuture<AppendResult>[] fs = new CompletableFuture[WINDOW];
    for (int i = 0; i < WINDOW; i++) {
      fs[i] = log.append(entry());
    }
    CompletableFuture.allOf(fs).get();
    return fs[WINDOW - 1].get().index();
  }

  /** Sync-mode latency: 64 callers each waiting for their own proof (p50/p99 from samples). */
  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Threads(64)
  public long syncAppendLatency() throws Exception {
    return log.append(entry()).get().index();
  }

  /**
   * Async-mode latency: 64 callers each waiting only for the promise of their index (journaled log
   * only: run with {@code -p journaled=true}).
   */
  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Threads(64)
  public long asyncAppendLatency() throws Exception {
    return log.appendPromised(entry()).promised().get().index();
  }
}
