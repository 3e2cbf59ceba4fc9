package io.sovereignrouter.gateway.scan;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Scanner speed with all built-in rules on mixed prompt text: prose, code, logs, JSON, base64 and
 * a few real-format secrets (about one per 8 KB). {@code throughput} reports scans per second of
 * a {@code size}-byte prompt (MB/s = ops/s × size / 2^20); {@code latency} samples single scans for
 * the p99 of a 128 KB prompt.
 *
 * <pre>
 * mvn -P bench -pl gateway -am -DskipTests install    # compiles the benchmark (annotation processor)
 * mvn -P bench -pl gateway exec:exec@bench           # runs JMH
 * </pre>
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ScannerBenchmark {
  @Param({"131072", "1048576"})
  int size;

  private Scanner scanner;
  private String prompt;

  private static final List<String> PIECES =
      List.of(
          "Please review this function and tell me why the tests fail on CI but not locally.\n",
          "public static String token(Request r) { return r.header(\"Authorization\"); }\n",
          "2026-11-23T10:15:03Z INFO request_id=req_8f14e45fceea167a POST /v1/chat 200 132ms\n",
          "{\"id\": \"0f8fad5b-d9cb-469f-a165-70867728950e\", \"password\": \"<password>\", \"n\": 42}\n",
          "commit 9fceb02d0ae598e95dc970b74767f19372d61af8 Author: Ada <ada@example.org>\n",
          "export OPENAI_API_KEY=${OPENAI_API_KEY}  # never paste the real key into a prompt\n",
          "The secret to a good password policy is length; the api key rotation is monthly.\n",
          "def handler(event, context):\n    api_key = os.environ['API_KEY']\n    return ok\n",
          "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==\n");

  private static final List<String> SECRETS =
      List.of(
          "GITHUB_TOKEN=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\n",
          "aws_access_key_id = AKIAZ3MHSIV2QW6YDNEB\n",
          "DATABASE_URL=postgres://app:Zq8vT2mWx4Lp@db.internal:5432/app\n",
          "SLACK_BOT_TOKEN=xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx\n");

  @Setup
  public void setUp() {
    scanner = Scanner.builtin(Fingerprinter.of("benchmark-fingerprint-key-012345".getBytes(StandardCharsets.UTF_8)));
    Random random = new Random(1);
    StringBuilder sb = new StringBuilder(size + 200);
    int nextSecret = 8192;
    while (sb.length() < size) {
      sb.append(PIECES.get(random.nextInt(PIECES.size())));
      if (sb.length() >= nextSecret) {
        sb.append(SECRETS.get(random.nextInt(SECRETS.size())));
        nextSecret += 8192;
      }
    }
    prompt = sb.substring(0, size);
  }

  /** Throughput on a {@code size}-character prompt. */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  public List<Finding> throughput() {
    return scanner.scan(prompt);
  }

  /** Latency distribution of one scan (read p0.99 for size=131072). */
  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public List<Finding> latency() {
    return scanner.scan(prompt);
  }
}
