package io.sovereignrouter.gateway.scan;

/** Shannon entropy of a string's characters: a cheap randomness signal for candidate secrets. */
final class Entropy {
  private Entropy() {}

  /**
   * Shannon entropy in bits per character of the character distribution of {@code s}.
   *
   * @param s the text
   * @return entropy, 0 for the empty string
   */
  static double shannon(CharSequence s) {
    int n = s.length();
    if (n == 0) {
      return 0;
    }
    int[] ascii = new int[128];
    java.util.Map<Character, Integer> other = null;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < 128) {
        ascii[c]++;
      } else {
        if (other == null) {
          other = new java.util.HashMap<>();
        }
        other.merge(c, 1, Integer::sum);
      }
    }
    double h = 0;
    for (int count : ascii) {
      h += term(count, n);
    }
    if (other != null) {
      for (int count : other.values()) {
        h += term(count, n);
      }
    }
    return h;
  }

  private static double term(int count, int n) {
    if (count == 0) {
      return 0;
    }
    double p = (double) count / n;
    return -p * (Math.log(p) / Math.log(2));
  }
}
