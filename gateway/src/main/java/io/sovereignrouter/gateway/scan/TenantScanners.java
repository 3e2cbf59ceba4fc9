package io.sovereignrouter.gateway.scan;

import io.sovereignrouter.gateway.tenancy.ScanSettings;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Request scanners per tenant: the built-in rules plus the tenant's custom rules and exceptions.
 * Building one compiles the keyword automaton, so scanners are cached by their settings (tenants
 * with the same settings share one) and the built-in scanner serves every tenant without any.
 */
public final class TenantScanners {
  private static final int CACHE_SIZE = 256;
  private final ChatRequestScanner builtin;
  private final Fingerprinter fingerprinter;
  private final Map<ScanSettings, ChatRequestScanner> cache =
      Collections.synchronizedMap(
          new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<ScanSettings, ChatRequestScanner> e) {
              return size() > CACHE_SIZE;
            }
          });

  /**
   * @param fingerprinter keys every tenant's fingerprints (one key per deployment, so an
   *     allow-listed fingerprint means the same secret everywhere)
   */
  public TenantScanners(Fingerprinter fingerprinter) {
    this.fingerprinter = fingerprinter;
    this.builtin = new ChatRequestScanner(Scanner.builtin(fingerprinter));
  }

  /** The scanner for a tenant's settings. */
  public ChatRequestScanner scanner(ScanSettings settings) {
    if (settings.equals(ScanSettings.NONE)) {
      return builtin;
    }
    return cache.computeIfAbsent(settings, s -> new ChatRequestScanner(build(s, fingerprinter)));
  }

  /**
   * Checks that settings build (patterns compile, ids unique) without keeping the scanner.
   *
   * @throws ScanException naming the problem
   */
  public static void validate(ScanSettings settings) {
    build(settings, Fingerprinter.ephemeral());
  }

  private static Scanner build(ScanSettings s, Fingerprinter fingerprinter) {
    List<Rule> rules = new ArrayList<>(BuiltinRules.all());
    for (ScanSettings.CustomRule r : s.rules()) {
      rules.add(CustomRules.of(r.id(), r.regex(), r.keywords(), r.secretGroup(), r.minEntropy()));
    }
    AllowList allow =
        AllowList.of(
            Set.copyOf(s.allowFingerprints()), s.allowPatterns(), Set.copyOf(s.disabledRules()));
    return Scanner.of(rules, allow, fingerprinter);
  }
}
