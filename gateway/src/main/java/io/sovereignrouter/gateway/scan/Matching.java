package io.sovereignrouter.gateway.scan;

/** Runs a rule's pattern inside windows and reports the secret spans of its matches. */
final class Matching {
  private Matching() {}

  /** Receives the secret span of one match. */
  @FunctionalInterface
  interface SpanSink {
    void span(int start, int end);
  }

  static void find(Rule rule, CharSequence text, Windows windows, SpanSink sink) {
    switch (rule.pattern()) {
      case RulePattern.Jdk jdk -> jdk(jdk, text, windows, sink);
      case RulePattern.Re2 re2 -> re2(re2, text, windows, sink);
    }
  }

  /**
   * Tries {@code p} anchored at each start, skipping starts inside the previous match.
   *
   * @param starts increasing keyword start offsets
   */
  static void anchored(
      RulePattern.Jdk p, int maxLength, CharSequence text, int[] starts, SpanSink sink) {
    java.util.regex.Matcher m = p.pattern().matcher(text);
    m.useTransparentBounds(true);
    m.useAnchoringBounds(false);
    boolean named = p.hasSecretGroup();
    int n = text.length();
    int covered = 0;
    for (int start : starts) {
      if (start < covered) {
        continue;
      }
      int limit = (int) Math.min(n, (long) start + maxLength);
      m.region(start, limit);
      if (!m.lookingAt()) {
        continue;
      }
      if (m.end() == limit && limit < n) {
        m.region(start, n);
        if (!m.lookingAt()) {
          continue;
        }
      }
      if (named && m.start("s") >= 0) {
        sink.span(m.start("s"), m.end("s"));
      } else {
        sink.span(m.start(), m.end());
      }
      covered = m.end();
    }
  }

  private static void jdk(RulePattern.Jdk p, CharSequence text, Windows windows, SpanSink sink) {
    java.util.regex.Matcher m = p.pattern().matcher(text);
    // Transparent bounds: lookbehind/lookahead token boundaries see past the window.
    m.useTransparentBounds(true);
    m.useAnchoringBounds(false);
    boolean named = p.hasSecretGroup();
    int n = text.length();
    for (int w = 0; w < windows.count(); w++) {
      int pos = windows.start(w);
      int limit = windows.end(w);
      while (pos < limit) {
        m.region(pos, limit);
        if (!m.find()) {
          break;
        }
        int matchStart = m.start();
        if (m.end() == limit && limit < n) {
          // The window may have cut a longer match short: re-match from its start without limit.
          m.region(matchStart, n);
          if (!m.lookingAt()) {
            pos = matchStart + 1;
            continue;
          }
        }
        int matchEnd = m.end();
        if (named && m.start("s") >= 0) {
          sink.span(m.start("s"), m.end("s"));
        } else {
          sink.span(matchStart, matchEnd);
        }
        pos = matchEnd > matchStart ? matchEnd : matchStart + 1;
      }
    }
  }

  private static void re2(RulePattern.Re2 p, CharSequence text, Windows windows, SpanSink sink) {
    int group = p.effectiveGroup();
    com.google.re2j.Matcher m = p.pattern().matcher(text);
    // RE2/J has no transparent regions: search from the first window on, to the end of the last,
    // in one linear pass.
    int from = windows.start(0);
    int to = windows.end(windows.count() - 1);
    int pos = from;
    while (pos <= to && m.find(pos)) {
      if (m.start() >= to) {
        break;
      }
      int s = m.start(group);
      int e = m.end(group);
      if (s >= 0) {
        sink.span(s, e);
      }
      pos = m.end() > m.start() ? m.end() : m.start() + 1;
    }
  }
}
