package io.sovereignrouter.gateway.http;

import io.sovereignrouter.gateway.routing.FallbackWalk;
import io.sovereignrouter.gateway.routing.Route;
import io.sovereignrouter.policy.RouteRequest;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * The stages an endpoint handler drives after authentication: candidates for a model, the fallback
 * walk over them, and the attestation of what served.
 *
 * @param admission stage 1 limits: rate limits and the spend cap
 * @param leakScan stage 2
 * @param policy stage 3
 * @param resolver model id to candidates (stage 3 seam: policy will filter and order them here)
 * @param walk stages 4–5
 * @param attestations stage 6
 */
record Pipeline(
    AdmissionStage admission,
    LeakScanStage leakScan,
    PolicyStage policy,
    ModelResolver resolver,
    FallbackWalk walk,
    Attestations attestations) {

  /**
   * Stages 3 and 1's limits, in that order: the policy picks and orders the candidates, then the
   * request is admitted against rate limits and the spend cap over exactly those candidates.
   *
   * @return the routes to walk, in policy order
   */
  Future<List<Route>> decideAndAdmit(RoutingContext ctx, RouteRequest shape, List<Route> routes) {
    return policy
        .decide(ctx, shape, routes)
        .compose(
            chain ->
                admission
                    .admit(ctx, chain, shape.inputTokens(), shape.maxOutputTokens())
                    .map(chain));
  }
}
