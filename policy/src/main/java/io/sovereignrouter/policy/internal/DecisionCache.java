package io.sovereignrouter.policy.internal;

import io.sovereignrouter.policy.Decision;
import io.sovereignrouter.policy.PolicyException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A bounded, least-recently-used map from (rule path, exact input document) to the decision one
 * bundle returned for it.
 *
 * <p>Safe because a decision is a pure function of the bundle and the input: the shipped Rego uses
 * no builtin that reads the clock, randomness or the network (a test checks that the bundle imports
 * no host builtins), and one cache belongs to one engine, which evaluates one bundle, so an entry
 * never outlives its policy version. The key is the SHA-256 of the path and the input JSON the
 * engine would evaluate, so inputs that differ in any field (health, token estimates) never share
 * an entry.
 */
final class DecisionCache {
  private final int capacity;
  private final Map<Key, Decision> entries;

  /** A digest of (path, input); arrays need their own equality. */
  record Key(byte[] digest) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && Arrays.equals(digest, k.digest);
    }

    @Override
    public int hashCode() {
      // SHA-256 output is uniform: its first bytes are as good a hash as any.
      return (digest[0] & 0xff) << 24
          | (digest[1] & 0xff) << 16
          | (digest[2] & 0xff) << 8
          | (digest[3] & 0xff);
    }

    @Override
    public String toString() {
      return "Key[" + java.util.HexFormat.of().formatHex(digest) + "]";
    }
  }

  /**
   * Creates a cache.
   *
   * @param capacity the most entries it keeps; at least 1
   */
  DecisionCache(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity: expected >= 1, got " + capacity);
    }
    this.capacity = capacity;
    this.entries = new LinkedHashMap<>(Math.min(capacity, 1024) * 2, 0.75f, true);
  }

  static Key key(String path, String inputJson) {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new PolicyException("SHA-256 unavailable", e);
    }
    sha.update(path.getBytes(StandardCharsets.UTF_8));
    // A NUL cannot occur in a path, so (path, input) pairs cannot collide by concatenation.
    sha.update((byte) 0);
    sha.update(inputJson.getBytes(StandardCharsets.UTF_8));
    return new Key(sha.digest());
  }

  synchronized Optional<Decision> get(Key key) {
    return Optional.ofNullable(entries.get(key));
  }

  synchronized void put(Key key, Decision decision) {
    entries.put(key, decision);
    if (entries.size() > capacity) {
      var eldest = entries.keySet().iterator();
      eldest.next();
      eldest.remove();
    }
  }

  synchronized int size() {
    return entries.size();
  }
}
