package io.sovereignrouter.policy.internal;

import io.sovereignrouter.policy.Decision;
import io.sovereignrouter.policy.PolicyInput;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A bounded, least-recently-used map from (rule path, typed input) to the decision one bundle
 * returned for it.
 *
 * <p>Safe because a decision is a pure function of the bundle and the input: the shipped Rego uses
 * no builtin that reads the clock, randomness or the network (a test checks that the bundle imports
 * no host builtins), and one cache belongs to one engine, which evaluates one bundle, so an entry
 * never outlives its policy version. The key is the {@link PolicyInput} record itself: records
 * compare every component (prices are normalised, so 0.50 equals 0.5), and equal inputs format to
 * the same input document, so inputs that differ in any field (health, token estimates) never share
 * an entry. Keying on the record rather than a digest of its JSON means a hit neither formats nor
 * hashes the document.
 */
final class DecisionCache {
  private final int capacity;
  private final Map<Key, Decision> entries;

  /** A cache key: the rule path and the input. */
  record Key(String path, PolicyInput input) {
    Key {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(input, "input");
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

  static Key key(String path, PolicyInput input) {
    return new Key(path, input);
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
