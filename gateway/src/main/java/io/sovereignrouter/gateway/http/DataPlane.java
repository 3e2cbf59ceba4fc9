package io.sovereignrouter.gateway.http;

import io.sovereignrouter.gateway.attest.AttestationIndexWriter;
import io.sovereignrouter.gateway.attest.Attester;
import io.sovereignrouter.gateway.attest.AuditLog;
import io.sovereignrouter.gateway.policy.PolicyEvaluator;
import io.sovereignrouter.gateway.policy.Witnesses;
import io.sovereignrouter.gateway.ratelimit.RateLimiter;
import io.sovereignrouter.gateway.routing.FallbackWalk;
import io.sovereignrouter.gateway.routing.HealthTracker;
import io.sovereignrouter.gateway.routing.ModelCatalog;
import io.sovereignrouter.gateway.spend.SpendLedger;
import io.sovereignrouter.gateway.storage.AttestationIndex;
import io.sovereignrouter.gateway.tenancy.Authenticator;
import java.util.function.Supplier;

/**
 * Everything the data-plane router needs, built once by the composition root and shared by every
 * listener instance.
 *
 * @param authenticator stage 1
 * @param ledger spend caps and usage (stage 1 limits, settled after the call)
 * @param limiter rate limits (stage 1)
 * @param leakScan stage 2
 * @param policy stage 3: the engine, the policies tenants may name, witnessed scopes
 * @param catalog model ids to candidates (the current snapshot; providers change at run time)
 * @param walk the fallback walk (stages 4–5)
 * @param attester stage 6
 * @param log the audit log served read-only at {@code /log/}
 * @param attestationIndex route decision id → log index
 * @param indexWriter batches index rows
 * @param bodyLimitBytes larger bodies get 413
 */
public record DataPlane(
    Authenticator authenticator,
    SpendLedger ledger,
    RateLimiter limiter,
    LeakScanStage leakScan,
    PolicyServices policy,
    Supplier<ModelCatalog> catalog,
    FallbackWalk walk,
    Attester attester,
    AuditLog log,
    AttestationIndex attestationIndex,
    AttestationIndexWriter indexWriter,
    long bodyLimitBytes) {

  /**
   * What stage 3 needs.
   *
   * @param evaluator the policy engine
   * @param knownPolicies policy ids of the deployed bundle
   * @param health candidates' latency and success figures
   * @param witnesses verified witness scopes per model hash
   */
  public record PolicyServices(
      PolicyEvaluator evaluator,
      java.util.Set<String> knownPolicies,
      HealthTracker health,
      Witnesses witnesses) {}
}
