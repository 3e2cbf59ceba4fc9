package io.sovereignrouter.gateway.scan;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Loads rule files in gitleaks' TOML configuration format: {@code [[rules]]} with {@code id},
 * {@code description}, {@code regex}, {@code secretGroup}, {@code entropy}, {@code keywords} and
 * {@code [rules.allowlist]}/{@code [[rules.allowlists]]} ({@code regexes}, {@code stopwords}), plus
 * the global {@code [allowlist]}. Regexes compile with RE2/J (gitleaks' Go regexp syntax is RE2).
 * Rule ids get the prefix {@code gitleaks.} so they cannot collide with built-in ids. Not
 * supported, and ignored: path-only rules, {@code [extend]}, allow-list {@code paths} and {@code
 * commits}, and {@code regexTarget} other than the secret.
 */
public final class GitleaksRules {
  /** Prefix of the ids of loaded rules. */
  public static final String ID_PREFIX = "gitleaks.";

  private static final int MAX_BYTES = 4 << 20;

  private GitleaksRules() {}

  /**
   * What a gitleaks file holds that applies to text scanning.
   *
   * @param rules the rules
   * @param allowList the global allow-list (patterns and stopwords)
   */
  public record Config(List<Rule> rules, AllowList allowList) {
    /** Copies. */
    public Config {
      rules = List.copyOf(rules);
    }
  }

  /**
   * Parses a gitleaks TOML configuration.
   *
   * @param toml file content
   * @return its rules and global allow-list
   * @throws ScanException on malformed TOML, a missing id, or a regex RE2/J rejects
   */
  public static Config parse(String toml) {
    if (toml.length() > MAX_BYTES) {
      throw new ScanException("gitleaks config: expected at most 4 MiB, seen " + toml.length());
    }
    JsonNode root;
    try {
      root = new TomlMapper().readTree(toml);
    } catch (JacksonException e) {
      throw new ScanException("gitleaks config is not valid TOML: " + e.getOriginalMessage(), e);
    }
    List<Rule> rules = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (JsonNode r : root.path("rules")) {
      String id = r.path("id").asText("");
      if (id.isEmpty()) {
        throw new ScanException("gitleaks rule without id");
      }
      if (!r.hasNonNull("regex")) {
        continue;
      }
      String ourId = ID_PREFIX + id.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "-");
      if (!ids.add(ourId)) {
        throw new ScanException("gitleaks config: duplicate rule id '" + id + "'");
      }
      List<Pattern> allowPatterns = new ArrayList<>();
      List<String> stopwords = new ArrayList<>();
      collectAllow(r.path("allowlist"), allowPatterns, stopwords, id);
      for (JsonNode a : r.path("allowlists")) {
        collectAllow(a, allowPatterns, stopwords, id);
      }
      List<String> keywords = new ArrayList<>();
      r.path("keywords").forEach(k -> keywords.add(k.asText()));
      rules.add(
          new Rule(
              ourId,
              r.path("description").asText("gitleaks rule " + id),
              keywords,
              new RulePattern.Re2(
                  compile(r.path("regex").asText(), id), r.path("secretGroup").asInt(0)),
              Check.NONE,
              r.path("entropy").asDouble(0),
              CustomRules.MAX_LENGTH,
              CustomRules.MAX_LENGTH,
              CustomRules.PRIORITY,
              new RuleAllowList(allowPatterns, stopwords)));
    }
    List<Pattern> globalPatterns = new ArrayList<>();
    List<String> globalStopwords = new ArrayList<>();
    collectAllow(root.path("allowlist"), globalPatterns, globalStopwords, "[allowlist]");
    for (String w : globalStopwords) {
      globalPatterns.add(Pattern.compile("(?i)" + Pattern.quote(w)));
    }
    return new Config(rules, new AllowList(Set.of(), globalPatterns, Set.of()));
  }

  private static void collectAllow(
      JsonNode allow, List<Pattern> patterns, List<String> stopwords, String where) {
    if (allow.isMissingNode()) {
      return;
    }
    String target = allow.path("regexTarget").asText("secret");
    if (target.equals("secret")) {
      allow.path("regexes").forEach(x -> patterns.add(compile(x.asText(), where)));
    }
    allow.path("stopwords").forEach(x -> stopwords.add(x.asText()));
  }

  private static Pattern compile(String regex, String where) {
    try {
      return Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      throw new ScanException(
          "gitleaks rule " + where + ": regex does not compile with RE2: " + e.getDescription(), e);
    }
  }
}
