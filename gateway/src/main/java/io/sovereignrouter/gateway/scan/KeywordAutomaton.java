package io.sovereignrouter.gateway.scan;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Aho-Corasick automaton over ASCII keywords, matched case-insensitively, compiled to a dense DFA
 * (128 transitions per state) so the scan is one table lookup per character. Non-ASCII characters
 * reset to the root: keywords are ASCII.
 */
final class KeywordAutomaton {
  private static final int SIGMA = 128;
  private final int[] delta;
  private final int[][] outputs;
  private final int[] lengths;

  /** Receives keyword hits. */
  @FunctionalInterface
  interface HitSink {
    /**
     * A keyword occurrence.
     *
     * @param keyword index of the keyword in the list given to the constructor
     * @param end offset just after the occurrence
     */
    void hit(int keyword, int end);
  }

  /**
   * Builds the automaton.
   *
   * @param keywords lowercase ASCII keywords
   */
  KeywordAutomaton(List<String> keywords) {
    List<int[]> gotoRows = new ArrayList<>();
    List<List<Integer>> out = new ArrayList<>();
    gotoRows.add(newRow());
    out.add(new ArrayList<>());
    lengths = new int[keywords.size()];
    for (int k = 0; k < keywords.size(); k++) {
      String word = keywords.get(k);
      lengths[k] = word.length();
      int state = 0;
      for (int i = 0; i < word.length(); i++) {
        int c = lower(word.charAt(i));
        if (gotoRows.get(state)[c] < 0) {
          gotoRows.get(state)[c] = gotoRows.size();
          gotoRows.add(newRow());
          out.add(new ArrayList<>());
        }
        state = gotoRows.get(state)[c];
      }
      out.get(state).add(k);
    }
    int states = gotoRows.size();
    delta = new int[states * SIGMA];
    int[] fail = new int[states];
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    for (int c = 0; c < SIGMA; c++) {
      int next = gotoRows.get(0)[c];
      delta[c] = Math.max(next, 0);
      if (next > 0) {
        fail[next] = 0;
        queue.add(next);
      }
    }
    while (!queue.isEmpty()) {
      int s = queue.poll();
      out.get(s).addAll(out.get(fail[s]));
      for (int c = 0; c < SIGMA; c++) {
        int next = gotoRows.get(s)[c];
        if (next >= 0) {
          fail[next] = delta[fail[s] * SIGMA + c];
          delta[s * SIGMA + c] = next;
          queue.add(next);
        } else {
          delta[s * SIGMA + c] = delta[fail[s] * SIGMA + c];
        }
      }
    }
    outputs = new int[states][];
    for (int s = 0; s < states; s++) {
      List<Integer> o = out.get(s);
      outputs[s] = o.isEmpty() ? null : o.stream().distinct().mapToInt(Integer::intValue).toArray();
    }
  }

  /** Length of keyword {@code k}. */
  int length(int k) {
    return lengths[k];
  }

  /**
   * Reports every keyword occurrence in {@code text}, overlapping ones included.
   *
   * @param text the text
   * @param sink receives (keyword, end offset) pairs in increasing end order
   */
  void scan(CharSequence text, HitSink sink) {
    int state = 0;
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c >= SIGMA) {
        state = 0;
        continue;
      }
      state = delta[state * SIGMA + lower(c)];
      int[] hits = outputs[state];
      if (hits != null) {
        for (int k : hits) {
          sink.hit(k, i + 1);
        }
      }
    }
  }

  private static int lower(char c) {
    return (c >= 'A' && c <= 'Z') ? c + 32 : c;
  }

  private static int[] newRow() {
    int[] row = new int[SIGMA];
    Arrays.fill(row, -1);
    return row;
  }
}
