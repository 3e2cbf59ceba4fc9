package io.sovereignrouter.policy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dylibso.chicory.runtime.ByteArrayMemory;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import com.styra.opa.wasm.OpaWasm;
import io.sovereignrouter.policy.Candidate;
import io.sovereignrouter.policy.Capabilities;
import io.sovereignrouter.policy.Decision;
import io.sovereignrouter.policy.DriftState;
import io.sovereignrouter.policy.Needs;
import io.sovereignrouter.policy.Origin;
import io.sovereignrouter.policy.PolicyBundle;
import io.sovereignrouter.policy.PolicyInput;
import io.sovereignrouter.policy.PolicyJson;
import io.sovereignrouter.policy.Reason;
import io.sovereignrouter.policy.RouteRequest;
import io.sovereignrouter.policy.Tenant;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DecisionCacheTest {
  private static Decision deny(String code) {
    return new Decision.Deny(
        "p",
        List.of(new Reason(code, Optional.empty(), Optional.empty())),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        List.of());
  }

  /** An input with one candidate; {@code price} and {@code p95} vary between tests. */
  private static PolicyInput input(String price, long p95) {
    return new PolicyInput(
        new Tenant("t", List.of("standard")),
        "standard",
        new RouteRequest("auto", false, new Needs(false, false, false, 10), 5, 5),
        new Origin("", "127.0.0.1"),
        List.of(
            new Candidate(
                "p",
                "m",
                "sha256:00",
                Optional.empty(),
                List.of("no-training"),
                List.of(),
                DriftState.NONE,
                new BigDecimal(price),
                BigDecimal.ONE,
                1,
                p95,
                1.0,
                true,
                new Capabilities(true, true, false, 100),
                0)));
  }

  @Test
  void key_equalInputs_shareAnEntry_andFormatToTheSameDocument() {
    // Equal records must mean equal input documents, or a hit could answer a different input.
    PolicyInput a = input("0.50", 300);
    PolicyInput b = input("0.5", 300);
    assertThat(DecisionCache.key("a/b", a)).isEqualTo(DecisionCache.key("a/b", b));
    assertThat(PolicyJson.formatInput(a)).isEqualTo(PolicyJson.formatInput(b));
  }

  @Test
  void key_differsByPathAndByAnyInputField() {
    PolicyInput a = input("0.5", 300);
    assertThat(DecisionCache.key("a/b", a)).isNotEqualTo(DecisionCache.key("a/c", a));
    assertThat(DecisionCache.key("a/b", a))
        .isNotEqualTo(DecisionCache.key("a/b", input("0.5", 301)));
    assertThat(DecisionCache.key("a/b", a))
        .isNotEqualTo(DecisionCache.key("a/b", input("0.6", 300)));
  }

  @Test
  void put_overCapacity_evictsLeastRecentlyUsed() {
    DecisionCache cache = new DecisionCache(2);
    var k1 = DecisionCache.key("p", input("1", 1));
    var k2 = DecisionCache.key("p", input("2", 1));
    var k3 = DecisionCache.key("p", input("3", 1));
    cache.put(k1, deny("one"));
    cache.put(k2, deny("two"));
    assertThat(cache.get(k1)).contains(deny("one")); // k1 now most recent
    cache.put(k3, deny("three"));
    assertThat(cache.size()).isEqualTo(2);
    assertThat(cache.get(k2)).isEmpty();
    assertThat(cache.get(k1)).contains(deny("one"));
    assertThat(cache.get(k3)).contains(deny("three"));
  }

  @Test
  void new_zeroCapacity_rejected() {
    assertThatThrownBy(() -> new DecisionCache(0)).isInstanceOf(IllegalArgumentException.class);
  }

  /**
   * Caching is only sound while a decision depends on nothing but the input: the built-in bundle
   * must not call host builtins (the clock, randomness, HTTP are host builtins in OPA's wasm ABI).
   */
  @Test
  void builtinBundle_importsNoHostBuiltins() {
    OpaWasm wasm =
        OpaWasm.builder()
            .withInputStream(new ByteArrayInputStream(PolicyBundle.builtin().wasm()))
            .withJsonMapper(Json.MAPPER)
            .withMemory(new ByteArrayMemory(new MemoryLimits(10, MemoryLimits.MAX_PAGES)))
            .build();
    int table = wasm.exports().opaJsonDump(wasm.exports().builtins());
    assertThat(wasm.memory().readCString(table)).isEqualTo("{}");
  }
}
