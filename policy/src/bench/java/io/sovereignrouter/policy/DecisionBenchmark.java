package io.sovereignrouter.policy;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One routing decision over a 50-candidate catalog (issue 5 point 6), typed input in, typed {@link
 * Decision} out, on both engines: {@code embedded} (the committed wasm bundle in-process) and
 * {@code opaServer} (a real {@code opa run --server} on loopback, started here, queried over its
 * REST Data API with the JDK HttpClient). Sample time, so JMH reports p50/p99 per decision.
 *
 * <p>Each invocation decides a different input (health and prices vary, as between real requests)
 * from a ring of {@value #RING} precomputed inputs. {@code embedded} has no decision cache, so it
 * measures a real evaluation; {@code embeddedCacheHit} measures the same engine answering from its
 * cache (an identical input seen before).
 *
 * <pre>
 * policy/bench                        # builds and runs it; see policies/README.md "Speed"
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m", "-XX:+UseParallelGC"})
@Warmup(iterations = 4, time = 3)
@Measurement(iterations = 5, time = 3)
public class DecisionBenchmark {
  static final int RING = 64;
  static final int CANDIDATES = 50;

  @Param({"standard", "clinical-strict"})
  String policy;

  private PolicyInput[] inputs;
  private int next;
  private PolicyEngine embedded;
  private PolicyEngine cached;
  private OpaServer server;
  private PolicyEngine rest;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    inputs = new PolicyInput[RING];
    for (int i = 0; i < RING; i++) {
      inputs[i] = LargeCatalogInputs.of(CANDIDATES, policy, i);
    }
    embedded = PolicyEngines.embedded(PolicyBundle.builtin(), 1);
    cached = PolicyEngines.embedded(PolicyBundle.builtin(), 1, 2 * RING);
    server = OpaServer.start();
    rest = new OpaRestEngine(server.base());
    // Fail the run, rather than time the wrong thing, if the engines disagree.
    for (PolicyInput in : inputs) {
      Decision a = embedded.decide(in);
      Decision b = rest.decide(in);
      if (!a.equals(b) || !a.equals(cached.decide(in))) {
        throw new IllegalStateException("engines disagree:\n" + a + "\n" + b);
      }
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() throws Exception {
    embedded.close();
    cached.close();
    rest.close();
    server.close();
  }

  private PolicyInput nextInput() {
    next = (next + 1) % RING;
    return inputs[next];
  }

  /** Embedded wasm engine, no decision cache: every call evaluates the wasm module. */
  @Benchmark
  public Decision embedded() {
    return embedded.decide(nextInput());
  }

  /**
   * Embedded wasm engine answering from its decision cache (every input of the ring was decided
   * in setup): the cost of hashing and comparing the input record in the lookup.
   */
  @Benchmark
  public Decision embeddedCacheHit() {
    return cached.decide(nextInput());
  }

  /** External OPA server over loopback HTTP. */
  @Benchmark
  public Decision opaServer() {
    return rest.decide(nextInput());
  }
}
