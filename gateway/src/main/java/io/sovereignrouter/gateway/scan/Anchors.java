package io.sovereignrouter.gateway.scan;

import java.util.Arrays;

/**
 * Keyword start offsets at which an anchored rule must be tried, for rules whose matches begin
 * exactly at a keyword ({@link Rule#maxBefore()} 0): the regex then runs once per hit with {@code
 * lookingAt}, never scanning between hits.
 */
final class Anchors {
  private int[] starts = new int[8];
  private int size;
  private boolean sorted = true;

  void add(int start) {
    if (size > 0 && starts[size - 1] == start) {
      return;
    }
    if (size > 0 && start < starts[size - 1]) {
      sorted = false;
    }
    if (size == starts.length) {
      starts = Arrays.copyOf(starts, size * 2);
    }
    starts[size++] = start;
  }

  /** The starts in increasing order, without duplicates. */
  int[] sortedStarts() {
    if (!sorted) {
      Arrays.sort(starts, 0, size);
      sorted = true;
    }
    return Arrays.copyOf(starts, size);
  }
}
