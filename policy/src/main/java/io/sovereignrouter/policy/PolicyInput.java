package io.sovereignrouter.policy;

import java.util.List;
import java.util.Objects;

/**
 * Everything the Rego policy decides from (DESIGN.md §6 input): who asks, under which named policy,
 * what the request needs, where it comes from, and the catalog candidates that could serve it.
 *
 * @param tenant the resolved tenant
 * @param policyId the named policy ({@code X-SF-Policy} or the tenant default), e.g. {@code
 *     clinical-strict}
 * @param request what the request needs
 * @param origin where the request comes from
 * @param candidates the (provider, model) pairs that could serve the requested model, in catalog
 *     order
 */
public record PolicyInput(
    Tenant tenant,
    String policyId,
    RouteRequest request,
    Origin origin,
    List<Candidate> candidates) {

  /** Validates and copies the candidate list. */
  public PolicyInput {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(policyId, "policyId");
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(origin, "origin");
    candidates = List.copyOf(candidates);
    if (policyId.isEmpty()) {
      throw new IllegalArgumentException("policyId: expected a policy name, got an empty string");
    }
  }
}
