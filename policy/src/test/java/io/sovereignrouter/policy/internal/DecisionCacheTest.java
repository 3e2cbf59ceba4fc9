package io.sovereignrouter.policy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dylibso.chicory.runtime.ByteArrayMemory;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import com.styra.opa.wasm.OpaWasm;
import io.sovereignrouter.policy.Decision;
import io.sovereignrouter.policy.PolicyBundle;
import io.sovereignrouter.policy.Reason;
import java.io.ByteArrayInputStream;
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

  @Test
  void key_coversPathAndInput() {
    assertThat(DecisionCache.key("a/b", "{}")).isEqualTo(DecisionCache.key("a/b", "{}"));
    assertThat(DecisionCache.key("a/b", "{}")).isNotEqualTo(DecisionCache.key("a/c", "{}"));
    assertThat(DecisionCache.key("a/b", "{}")).isNotEqualTo(DecisionCache.key("a/b", "{ }"));
    // No ambiguity between where the path ends and the input begins.
    assertThat(DecisionCache.key("a", "b{}")).isNotEqualTo(DecisionCache.key("ab", "{}"));
  }

  @Test
  void put_overCapacity_evictsLeastRecentlyUsed() {
    DecisionCache cache = new DecisionCache(2);
    var k1 = DecisionCache.key("p", "1");
    var k2 = DecisionCache.key("p", "2");
    var k3 = DecisionCache.key("p", "3");
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
