package io.sovereignrouter.gateway.scan;

import java.util.Arrays;

/**
 * Regions of a text where one rule must run, merged as they are added. Keyword hits arrive in
 * increasing end order, so merging with the last window is almost always enough; a window that
 * starts before the last one (a longer keyword) widens it.
 */
final class Windows {
  private int[] bounds = new int[8];
  private int size;

  void add(int start, int end) {
    if (size > 0 && start <= bounds[size - 1]) {
      bounds[size - 2] = Math.min(bounds[size - 2], start);
      bounds[size - 1] = Math.max(bounds[size - 1], end);
      return;
    }
    if (size == bounds.length) {
      bounds = Arrays.copyOf(bounds, size * 2);
    }
    bounds[size++] = start;
    bounds[size++] = end;
  }

  int count() {
    return size / 2;
  }

  int start(int i) {
    return bounds[2 * i];
  }

  int end(int i) {
    return bounds[2 * i + 1];
  }
}
