package io.sovereignrouter.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** Rounding is pessimistic and coarse enough to repeat. */
class PolicyQuantizerTest {
  @Test
  void examples() {
    assertThat(PolicyQuantizer.latency(0)).isZero();
    assertThat(PolicyQuantizer.latency(1)).isEqualTo(25);
    assertThat(PolicyQuantizer.latency(25)).isEqualTo(25);
    assertThat(PolicyQuantizer.latency(26)).isEqualTo(50);
    assertThat(PolicyQuantizer.successRate(0.999)).isEqualTo(0.99);
    assertThat(PolicyQuantizer.tokens(7)).isEqualTo(64);
    assertThat(PolicyQuantizer.tokens(1500)).isEqualTo(1536);
    assertThat(PolicyQuantizer.tokens(100_000)).isEqualTo(106_496);
  }

  @Property
  void neverOptimistic(
      @ForAll @LongRange(min = 0, max = 10_000_000) long n,
      @ForAll @DoubleRange(min = 0, max = 1) double rate) {
    assertThat(PolicyQuantizer.latency(n)).isGreaterThanOrEqualTo(n).isLessThan(n + 25);
    assertThat(PolicyQuantizer.tokens(n)).isGreaterThanOrEqualTo(n);
    assertThat(PolicyQuantizer.tokens(n)).isLessThan(n + Math.max(64, n / 8 + 1));
    assertThat(PolicyQuantizer.successRate(rate))
        .isLessThanOrEqualTo(rate)
        .isGreaterThan(rate - 0.01);
  }
}
