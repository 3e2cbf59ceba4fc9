package io.sovereignrouter.policy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Deterministic inputs over a large catalog (the benchmark's 50 candidates): a mix of providers,
 * witness scopes, drift, prices and health, so that the decision filters, scores and orders a long
 * chain rather than short-circuiting.
 */
final class LargeCatalogInputs {
  private static final List<String> PROVIDERS =
      List.of("azure-eu", "openai", "anthropic", "onprem-vllm", "mistral", "bedrock", "mock");
  private static final List<List<String>> SCOPES =
      List.of(
          List.of(),
          List.of("no-training"),
          List.of("no-training", "no-retention"),
          List.of("no-training", "no-retention", "attested-runtime"),
          List.of("no-training", "no-retention", "attested-runtime", "hipaa-baa"));

  private LargeCatalogInputs() {}

  /**
   * An input with {@code n} candidates under a named policy.
   *
   * @param n how many candidates
   * @param policyId the named policy
   * @param seed varies health and prices between inputs of the same shape
   */
  static PolicyInput of(int n, String policyId, long seed) {
    Random random = new Random(seed);
    List<Candidate> candidates = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String provider = PROVIDERS.get(i % PROVIDERS.size());
      List<String> scopes = SCOPES.get(random.nextInt(SCOPES.size()));
      long p50 = 100 + random.nextInt(900);
      candidates.add(
          new Candidate(
              provider,
              "model-" + i,
              "sha256:" + "%064x".formatted(i + 1L),
              i % 5 == 0 ? Optional.of("confidential") : Optional.empty(),
              scopes,
              i % 11 == 0 ? List.of("expired") : List.of(),
              i % 13 == 0 ? DriftState.DRIFTED : DriftState.NONE,
              BigDecimal.valueOf(random.nextInt(1500), 2),
              BigDecimal.valueOf(random.nextInt(6000), 2),
              p50,
              p50 * 2 + random.nextInt(2000),
              0.9 + random.nextInt(100) / 1000.0,
              random.nextInt(20) != 0,
              new Capabilities(i % 7 != 3, true, i % 2 == 0, 8_000L << (i % 5)),
              i % 2));
    }
    return new PolicyInput(
        new Tenant("t-bench", List.of("clinical-strict", "standard", "dev-open")),
        policyId,
        new RouteRequest("auto", false, new Needs(true, false, false, 6000), 4000, 1000),
        new Origin("https://ehr.clinic.example", "10.0.0.7"),
        candidates);
  }
}
