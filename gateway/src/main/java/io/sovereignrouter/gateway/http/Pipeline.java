package io.sovereignrouter.gateway.http;

import io.sovereignrouter.gateway.routing.FallbackWalk;

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
    Attestations attestations) {}
