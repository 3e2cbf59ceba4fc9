package io.sovereignrouter.gateway.attest;

import io.sovereignrouter.gateway.routing.Attempt;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one served request attests: who asked, what was asked (digest), who answered, how the walk
 * went, and what came back (digest). No prompt text, no secret: only digests and ids.
 *
 * @param routeDecisionId the request's route decision id
 * @param tenantId the tenant
 * @param keyFingerprint the calling key's fingerprint
 * @param clientModel model the client asked for
 * @param providerId provider that served
 * @param upstreamModel model name at that provider
 * @param attempts every attempt, the serving one last
 * @param requestSha256 SHA-256 of the request body bytes as received
 * @param responseSha256 SHA-256 of the response content (body, or the streamed chunks)
 * @param usage the reply's OpenAI usage object, when it had one
 * @param stream whether the answer was streamed
 * @param leakFindings credentials found in the request by stage 2
 * @param costMicros what the call cost at the catalog's prices, in micro-dollars
 * @param policy the policy decision that allowed the call
 */
public record AttestationFacts(
    String routeDecisionId,
    String tenantId,
    String keyFingerprint,
    String clientModel,
    String providerId,
    String upstreamModel,
    List<Attempt> attempts,
    byte[] requestSha256,
    byte[] responseSha256,
    Optional<JsonObject> usage,
    boolean stream,
    int leakFindings,
    long costMicros,
    Optional<PolicyFacts> policy) {

  /** Validates and copies. */
  public AttestationFacts {
    Objects.requireNonNull(routeDecisionId, "routeDecisionId");
    attempts = List.copyOf(attempts);
    requestSha256 = requestSha256.clone();
    responseSha256 = responseSha256.clone();
    Objects.requireNonNull(usage, "usage");
    Objects.requireNonNull(policy, "policy");
  }

  @Override
  public byte[] requestSha256() {
    return requestSha256.clone();
  }

  @Override
  public byte[] responseSha256() {
    return responseSha256.clone();
  }
}
