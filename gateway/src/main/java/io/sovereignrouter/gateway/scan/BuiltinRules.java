package io.sovereignrouter.gateway.scan;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The built-in rules, read once from {@code builtin-rules.txt} beside this class. The file is the
 * reviewable list of formats: one line per rule with its type, keywords, options and regex, and a
 * comment naming the format (see the file's header).
 */
public final class BuiltinRules {
  private static final String RESOURCE = "builtin-rules.txt";

  /**
   * Start of a token: not inside a word or base64 run, unless after a JSON escape like \n or as URL
   * user info ({@code https://TOKEN@host}).
   */
  static final String TOKEN_START = "(?:(?<=\\\\[nrt])|(?<=://)|(?<![A-Za-z0-9+/_-]))";

  /** End of a token: not followed by more token characters. */
  static final String TOKEN_END = "(?![A-Za-z0-9_+-])";

  /** Between a context keyword and the secret: rest of a name, a quote, an assignment. */
  static final String ASSIGNMENT =
      "[A-Za-z0-9_.\\- ]{0,30}?[\"']?\\s{0,3}(?::=|=>|[:=]|\\s)\\s{0,5}[\"'`]?";

  private static final List<Rule> ALL = load();

  private BuiltinRules() {}

  /** Every built-in rule, in file order. */
  public static List<Rule> all() {
    return ALL;
  }

  private static List<Rule> load() {
    try (InputStream in = BuiltinRules.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new ScanException("missing resource " + RESOURCE);
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new ScanException("cannot read " + RESOURCE, e);
    }
  }

  /**
   * Parses rule lines in the built-in format.
   *
   * @param text the file content
   * @return the rules
   * @throws ScanException on a malformed line
   */
  static List<Rule> parse(String text) {
    List<Rule> rules = new ArrayList<>();
    String description = "";
    int lineNo = 0;
    for (String line : text.split("\n", -1)) {
      lineNo++;
      if (line.startsWith("#")) {
        description = line.replaceFirst("^#+\\s*", "");
        continue;
      }
      if (line.isBlank()) {
        continue;
      }
      String[] f = line.split(" ", 5);
      if (f.length != 5) {
        throw new ScanException(RESOURCE + ":" + lineNo + ": expected 5 fields, seen " + f.length);
      }
      try {
        rules.add(rule(f[0], f[1], f[2], f[3], f[4], description));
      } catch (IllegalArgumentException e) {
        throw new ScanException(RESOURCE + ":" + lineNo + ": " + e.getMessage(), e);
      }
    }
    return List.copyOf(rules);
  }

  private static Rule rule(
      String id, String type, String keywordList, String options, String regex, String desc) {
    List<String> keywords = Arrays.asList(keywordList.split(","));
    Check check = Check.NONE;
    double entropy = 0;
    int before = 0;
    int maxLength = -1;
    int priority = -1;
    if (!options.equals("-")) {
      for (String option : options.split(",")) {
        String[] kv = option.split("=", 2);
        switch (kv[0]) {
          case "e" -> entropy = Double.parseDouble(kv[1]);
          case "c" -> check = Check.valueOf(kv[1]);
          case "b" -> before = Integer.parseInt(kv[1]);
          case "m" -> maxLength = Integer.parseInt(kv[1]);
          case "p" -> priority = Integer.parseInt(kv[1]);
          default -> throw new ScanException("unknown option '" + kv[0] + "'");
        }
      }
    }
    String source =
        switch (type) {
          case "token" -> TOKEN_START + "(?<s>" + regex + ")" + TOKEN_END;
          case "ctx" ->
              "(?i:"
                  + String.join("|", keywords.stream().map(Pattern::quote).toList())
                  + ")"
                  + ASSIGNMENT
                  + "(?<s>"
                  + regex
                  + ")(?![A-Za-z0-9])";
          case "raw" -> regex;
          default -> throw new ScanException("unknown rule type '" + type + "'");
        };
    int defaultPriority = type.equals("token") ? 10 : 5;
    int defaultLength = type.equals("ctx") ? 400 : 300;
    return new Rule(
        id,
        desc,
        keywords,
        new RulePattern.Jdk(Pattern.compile(source)),
        check,
        entropy,
        before,
        maxLength > 0 ? maxLength : defaultLength,
        priority >= 0 ? priority : defaultPriority,
        RuleAllowList.NONE);
  }
}
