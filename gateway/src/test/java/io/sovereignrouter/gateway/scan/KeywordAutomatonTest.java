package io.sovereignrouter.gateway.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.NotEmpty;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

/** The Aho-Corasick prefilter reports exactly the occurrences a naive search finds. */
class KeywordAutomatonTest {

  @Property(tries = 1000)
  void scan_matchesNaiveSearch(
      @ForAll @Size(min = 1, max = 12)
          List<@NotEmpty @StringLength(max = 5) @CharRange(from = 'a', to = 'd') String> keywords,
      @ForAll @StringLength(max = 300) @CharRange(from = 'A', to = 'e') String text) {
    List<String> distinct = keywords.stream().distinct().toList();
    KeywordAutomaton automaton = new KeywordAutomaton(distinct);
    List<String> got = new ArrayList<>();
    automaton.scan(text, (k, end) -> got.add(k + "@" + end));
    List<String> want = new ArrayList<>();
    String lower = text.toLowerCase(Locale.ROOT);
    for (int end = 1; end <= text.length(); end++) {
      for (int k = 0; k < distinct.size(); k++) {
        String w = distinct.get(k);
        if (end >= w.length() && lower.startsWith(w, end - w.length())) {
          want.add(k + "@" + end);
        }
      }
    }
    assertThat(got).containsExactlyInAnyOrderElementsOf(want);
  }
}
