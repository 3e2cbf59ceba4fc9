package io.sovereignrouter.gateway.http;

import io.sovereignrouter.attestation.Hash;
import io.sovereignrouter.gateway.attest.AttestationFacts;
import io.sovereignrouter.gateway.attest.AttestationIndexWriter;
import io.sovereignrouter.gateway.attest.Attester;
import io.sovereignrouter.gateway.provider.UpstreamReply;
import io.sovereignrouter.gateway.routing.Route;
import io.sovereignrouter.gateway.tenancy.Authentication.Authenticated;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Stage 6 on the wire: attests a served request and attaches the result, as {@code _sf_attestation}
 * in a JSON body (spliced in, so every upstream byte stays as it was) or as an {@code
 * sf_attestation} event before a stream's {@code [DONE]}.
 */
final class Attestations {
  static final String FIELD = "_sf_attestation";
  static final String LOG_INDEX = "X-SF-Log-Index";
  private final Attester attester;
  private final AttestationIndexWriter index;

  Attestations(Attester attester, AttestationIndexWriter index) {
    this.attester = attester;
    this.index = index;
  }

  /** Attests a JSON reply and answers with it, attestation included. */
  Future<Void> respondJson(
      RoutingContext ctx, String clientModel, Route route, UpstreamReply reply) {
    RequestState state = RequestState.of(ctx);
    Optional<JsonObject> usage =
        reply.json().getValue("usage") instanceof JsonObject u ? Optional.of(u) : Optional.empty();
    return settle(state, route, usage)
        .map(
            cost -> facts(ctx, state, clientModel, route, sha256(reply.body()), usage, false, cost))
        .compose(facts -> attest(ctx, facts))
        .compose(
            attestation -> {
              state.attestation(attestation);
              ctx.response()
                  .putHeader(LOG_INDEX, Long.toString(attestation.getLong("rekor_index")))
                  .putHeader("Content-Type", "application/json");
              return ctx.response().end(splice(reply.body(), attestation));
            });
  }

  /** Attests a finished stream; the caller writes the event and {@code [DONE]}. */
  Future<JsonObject> attestStream(
      RoutingContext ctx, String clientModel, Route route, SseResponse sse) {
    RequestState state = RequestState.of(ctx);
    return settle(state, route, sse.usage())
        .map(
            cost ->
                facts(ctx, state, clientModel, route, sse.contentSha256(), sse.usage(), true, cost))
        .compose(facts -> attest(ctx, facts))
        .onSuccess(state::attestation);
  }

  /** Settles the request's spend and token holds with the served usage; yields the cost. */
  private static Future<Long> settle(RequestState state, Route route, Optional<JsonObject> usage) {
    return state
        .admission()
        .map(a -> a.settle(route, usage))
        .orElseGet(() -> Future.succeededFuture(0L));
  }

  /** Attests and queues the lookup row, so {@code GET /v1/attestations/{id}} finds it. */
  private Future<JsonObject> attest(RoutingContext ctx, AttestationFacts facts) {
    return attester
        .attest(ctx.vertx(), facts)
        .onSuccess(
            a -> index.submit(facts.routeDecisionId(), facts.tenantId(), a.getLong("rekor_index")));
  }

  private static AttestationFacts facts(
      RoutingContext ctx,
      RequestState state,
      String clientModel,
      Route route,
      byte[] responseSha256,
      Optional<JsonObject> usage,
      boolean stream,
      long costMicros) {
    Authenticated caller = state.caller().orElseThrow();
    return new AttestationFacts(
        state.routeDecisionId(),
        caller.tenant().id(),
        caller.key().fingerprint(),
        clientModel,
        route.provider().id(),
        route.model().upstream(),
        state.attempts(),
        sha256(ctx.body().buffer()),
        responseSha256,
        usage,
        stream,
        state.leakFindings(),
        costMicros,
        state.policy().map(p -> p.facts(route)));
  }

  /**
   * Inserts {@code "_sf_attestation": {...}} as the last member of the reply object without
   * re-encoding anything else.
   */
  static Buffer splice(Buffer reply, JsonObject attestation) {
    String body = reply.toString(StandardCharsets.UTF_8);
    int close = body.lastIndexOf('}');
    int end = close;
    while (end > 0 && Character.isWhitespace(body.charAt(end - 1))) {
      end--;
    }
    // Whitespace before the closing brace stays where it was: removing the member restores
    // the provider's bytes exactly.
    String separator = body.charAt(end - 1) == '{' ? "" : ",";
    return Buffer.buffer(
        body.substring(0, end)
            + separator
            + "\""
            + FIELD
            + "\":"
            + attestation.encode()
            + body.substring(end));
  }

  /** SHA-256 of {@code bytes}, the digest the statement's subjects carry. */
  static byte[] sha256(Buffer bytes) {
    return Hash.sha256(bytes.getBytes()).bytes();
  }
}
