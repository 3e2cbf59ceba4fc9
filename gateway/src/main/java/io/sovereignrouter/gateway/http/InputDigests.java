package io.sovereignrouter.gateway.http;

import io.sovereignrouter.attestation.Hash;
import io.sovereignrouter.policy.PolicyInput;
import io.sovereignrouter.policy.PolicyJson;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The decision record's {@code policy_input_digest} (SHA-256 of the canonical input JSON),
 * remembered for recent inputs: the gateway quantizes inputs so that steady traffic repeats them,
 * and formatting plus hashing a 50-candidate input costs tens of microseconds on the event loop.
 */
final class InputDigests {
  private static final int CAPACITY = 256;

  private final Map<PolicyInput, String> recent =
      new LinkedHashMap<>(CAPACITY * 2, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<PolicyInput, String> eldest) {
          return size() > CAPACITY;
        }
      };

  /** The digest of {@code input}, {@code sha256:<hex>}. */
  synchronized String of(PolicyInput input) {
    return recent.computeIfAbsent(input, InputDigests::compute);
  }

  static String compute(PolicyInput input) {
    byte[] json = PolicyJson.formatInput(input).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    return "sha256:" + HexFormat.of().formatHex(Hash.sha256(json).bytes());
  }
}
