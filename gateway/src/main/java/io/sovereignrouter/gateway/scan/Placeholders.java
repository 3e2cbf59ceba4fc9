package io.sovereignrouter.gateway.scan;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Recognises candidates that only look like credentials: placeholders ({@code YOUR_API_KEY}, {@code
 * <token>}, {@code ${OPENAI_API_KEY}}, {@code sk-...XXXX}), documentation examples ({@code
 * AKIAIOSFODNN7EXAMPLE}), environment-variable names, our own redaction markers, and runs of one
 * character. Applied to every rule's secret.
 */
final class Placeholders {
  private static final List<String> MARKERS =
      List.of(
          "example",
          "xxxx",
          "your",
          "placeholder",
          "redacted",
          "dummy",
          "sample",
          "changeme",
          "change_me",
          "replace",
          "insert",
          "fake",
          "1234567890",
          "0123456789",
          "123456789",
          "abcdefghij",
          "<",
          ">",
          "${",
          "{{",
          "}}",
          "...",
          "***",
          "\u2026");
  private static final java.util.Set<String> WORDS =
      java.util.Set.of(
          "password",
          "passwd",
          "pass",
          "pwd",
          "secret",
          "token",
          "key",
          "apikey",
          "api_key",
          "changeit",
          "mysecretpassword",
          "pa55word",
          "p@ssw0rd",
          "p@ssword");
  private static final Pattern ENV_NAME = Pattern.compile("[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+");
  private static final Pattern SHELL_VAR = Pattern.compile("[$%][A-Za-z_][A-Za-z0-9_]*%?");

  private Placeholders() {}

  /**
   * Whether {@code secret} is a placeholder rather than a credential.
   *
   * @param secret the candidate
   * @return true for placeholders
   */
  static boolean looksFake(CharSequence secret) {
    String lower = secret.toString().toLowerCase(Locale.ROOT);
    if (WORDS.contains(lower)) {
      return true;
    }
    for (String marker : MARKERS) {
      if (lower.contains(marker)) {
        return true;
      }
    }
    if (ENV_NAME.matcher(secret).matches() || SHELL_VAR.matcher(secret).matches()) {
      return true;
    }
    return longestRun(secret) >= 6;
  }

  private static int longestRun(CharSequence s) {
    int best = 0;
    int run = 0;
    char prev = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      run = (i > 0 && c == prev) ? run + 1 : 1;
      prev = c;
      best = Math.max(best, run);
    }
    return best;
  }
}
