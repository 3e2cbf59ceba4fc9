package io.sovereignrouter.gateway.scan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Finds credentials in text. Immutable and thread-safe; build one per tenant configuration and
 * reuse it.
 *
 * <p>One Aho-Corasick pass finds every rule keyword. A rule whose matches begin at its keyword
 * ({@link Rule#maxBefore()} 0) is then tried with {@code lookingAt} at each hit only; other rules
 * search merged windows around their hits (RE2/J rules without keywords: the whole text).
 * Candidates go through the placeholder filter, the rule's check and entropy floor, and the
 * allow-list; overlapping findings keep the highest-priority (then longest) one.
 */
public final class Scanner {
  private final List<Rule> rules;
  private final KeywordAutomaton automaton;
  private final int[][] rulesByKeyword;
  private final int[] keywordlessRules;
  private final boolean[] anchored;
  private final AllowList allowList;
  private final Fingerprinter fingerprinter;

  private Scanner(List<Rule> rules, AllowList allowList, Fingerprinter fingerprinter) {
    this.rules = List.copyOf(rules);
    this.allowList = Objects.requireNonNull(allowList, "allowList");
    this.fingerprinter = Objects.requireNonNull(fingerprinter, "fingerprinter");
    Map<String, Integer> seen = new HashMap<>();
    List<String> keywords = new ArrayList<>();
    Map<Integer, List<Integer>> byKeyword = new HashMap<>();
    List<Integer> keywordless = new ArrayList<>();
    for (int r = 0; r < this.rules.size(); r++) {
      Rule rule = this.rules.get(r);
      if (seen.put(rule.id(), r) != null) {
        throw new ScanException("duplicate rule id '" + rule.id() + "'");
      }
      if (rule.keywords().isEmpty()) {
        keywordless.add(r);
      }
      for (String k : rule.keywords()) {
        int index = keywords.indexOf(k);
        if (index < 0) {
          index = keywords.size();
          keywords.add(k);
        }
        byKeyword.computeIfAbsent(index, i -> new ArrayList<>()).add(r);
      }
    }
    this.automaton = new KeywordAutomaton(keywords);
    this.rulesByKeyword = new int[keywords.size()][];
    byKeyword.forEach(
        (k, list) -> rulesByKeyword[k] = list.stream().mapToInt(Integer::intValue).toArray());
    this.keywordlessRules = keywordless.stream().mapToInt(Integer::intValue).toArray();
    this.anchored = new boolean[this.rules.size()];
    for (int r = 0; r < this.rules.size(); r++) {
      Rule rule = this.rules.get(r);
      // A JDK pattern that starts at its keyword runs once per hit; others search a window.
      anchored[r] = rule.maxBefore() == 0 && rule.pattern() instanceof RulePattern.Jdk;
    }
  }

  /**
   * A scanner over the built-in rules.
   *
   * @param fingerprinter keys the fingerprints
   * @return the scanner
   */
  public static Scanner builtin(Fingerprinter fingerprinter) {
    return of(BuiltinRules.all(), AllowList.NONE, fingerprinter);
  }

  /**
   * A scanner over {@code rules}.
   *
   * @param rules the rules (ids must be unique), e.g. {@link BuiltinRules#all()} plus {@link
   *     GitleaksRules#parse(String)} or {@link CustomRules#of}
   * @param allowList exceptions
   * @param fingerprinter keys the fingerprints
   * @return the scanner
   * @throws ScanException on duplicate rule ids
   */
  public static Scanner of(List<Rule> rules, AllowList allowList, Fingerprinter fingerprinter) {
    return new Scanner(rules, allowList, fingerprinter);
  }

  /** The rules, in order. */
  public List<Rule> rules() {
    return rules;
  }

  /** The fingerprinter this scanner keys findings with. */
  public Fingerprinter fingerprinter() {
    return fingerprinter;
  }

  /**
   * Scans {@code text}.
   *
   * @param text any text
   * @return non-overlapping findings in increasing offset order
   */
  public List<Finding> scan(CharSequence text) {
    int n = text.length();
    Windows[] windows = new Windows[rules.size()];
    Anchors[] anchors = new Anchors[rules.size()];
    automaton.scan(
        text,
        (k, end) -> {
          int start = end - automaton.length(k);
          for (int r : rulesByKeyword[k]) {
            if (anchored[r]) {
              Anchors a = anchors[r];
              if (a == null) {
                a = anchors[r] = new Anchors();
              }
              a.add(start);
              continue;
            }
            Rule rule = rules.get(r);
            Windows w = windows[r];
            if (w == null) {
              w = windows[r] = new Windows();
            }
            w.add(Math.max(0, start - rule.maxBefore()), Math.min(n, end + rule.maxLength()));
          }
        });
    List<Candidate> candidates = new ArrayList<>();
    for (int r = 0; r < rules.size(); r++) {
      int rule = r;
      if (anchors[r] != null) {
        Matching.anchored(
            (RulePattern.Jdk) rules.get(r).pattern(),
            rules.get(r).maxLength(),
            text,
            anchors[r].sortedStarts(),
            (s, e) -> consider(rule, text, s, e, candidates));
      } else if (windows[r] != null) {
        Matching.find(
            rules.get(r), text, windows[r], (s, e) -> consider(rule, text, s, e, candidates));
      }
    }
    for (int r : keywordlessRules) {
      Windows all = new Windows();
      all.add(0, n);
      Matching.find(rules.get(r), text, all, (s, e) -> consider(r, text, s, e, candidates));
    }
    return resolveOverlaps(candidates);
  }

  private void consider(int r, CharSequence text, int start, int end, List<Candidate> out) {
    if (end <= start) {
      return;
    }
    Rule rule = rules.get(r);
    CharSequence secret = text.subSequence(start, end);
    if (Placeholders.looksFake(secret)
        || !rule.check().test(secret)
        || (rule.minEntropy() > 0 && Entropy.shannon(secret) < rule.minEntropy())
        || rule.allow().allows(secret)) {
      return;
    }
    String fingerprint = fingerprinter.fingerprint(secret);
    if (allowList.allows(rule.id(), secret, fingerprint)) {
      return;
    }
    out.add(new Candidate(new Finding(rule.id(), start, end, fingerprint), rule.priority()));
  }

  private static List<Finding> resolveOverlaps(List<Candidate> candidates) {
    candidates.sort(
        Comparator.comparingInt((Candidate c) -> c.finding().start())
            .thenComparing(Comparator.comparingInt(Candidate::priority).reversed())
            .thenComparing(
                Comparator.comparingInt((Candidate c) -> c.finding().length()).reversed()));
    List<Candidate> kept = new ArrayList<>();
    for (Candidate c : candidates) {
      boolean keep = true;
      while (!kept.isEmpty() && kept.getLast().finding().overlaps(c.finding())) {
        Candidate last = kept.getLast();
        if (c.beats(last)) {
          kept.removeLast();
        } else {
          keep = false;
          break;
        }
      }
      if (keep) {
        kept.add(c);
      }
    }
    return kept.stream().map(Candidate::finding).toList();
  }

  private record Candidate(Finding finding, int priority) {
    boolean beats(Candidate other) {
      if (priority != other.priority) {
        return priority > other.priority;
      }
      return finding.length() > other.finding.length();
    }
  }
}
