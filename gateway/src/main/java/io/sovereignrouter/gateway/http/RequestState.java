package io.sovereignrouter.gateway.http;

import io.sovereignrouter.gateway.routing.Attempt;
import io.sovereignrouter.gateway.tenancy.Authentication.Authenticated;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Everything the pipeline stages learn about one request, attached to the routing context under a
 * private key and read through {@link #of}. Event-loop confined: no synchronization.
 */
public final class RequestState {
  private static final String KEY = RequestState.class.getName();

  private final String requestId;
  private final String routeDecisionId;
  private final long startNanos = System.nanoTime();
  private final Promise<Void> clientGone = Promise.promise();
  private final List<Attempt> attempts = new ArrayList<>();
  private Authenticated caller;
  private io.vertx.core.json.JsonObject attestation;
  private int leakFindings;
  private Admission admission;
  private PolicyOutcome policy;

  RequestState(String requestId, String routeDecisionId) {
    this.requestId = requestId;
    this.routeDecisionId = routeDecisionId;
  }

  static RequestState attach(RoutingContext ctx, String requestId, String routeDecisionId) {
    RequestState state = new RequestState(requestId, routeDecisionId);
    ctx.put(KEY, state);
    return state;
  }

  /** The state of {@code ctx}; present on every route behind {@link RequestIdHandler}. */
  public static RequestState of(RoutingContext ctx) {
    RequestState state = ctx.get(KEY);
    if (state == null) {
      throw new IllegalStateException("RequestIdHandler must run before " + ctx.currentRoute());
    }
    return state;
  }

  /** Echoed or generated {@code X-Request-Id}. */
  public String requestId() {
    return requestId;
  }

  /**
   * {@code X-SF-Route-Decision}: identifies this request's routing decision (and, later, its
   * attestation).
   */
  public String routeDecisionId() {
    return routeDecisionId;
  }

  /** Nanosecond timestamp of arrival. */
  public long startNanos() {
    return startNanos;
  }

  /** Completes when the client disconnects before the response ended. */
  public Future<Void> clientGone() {
    return clientGone.future();
  }

  void markClientGone() {
    clientGone.tryComplete();
  }

  /** Provider attempts so far (mutable, appended by the fallback walk). */
  public List<Attempt> attempts() {
    return attempts;
  }

  /** The authenticated tenant and key, once stage 1 ran. */
  public Optional<Authenticated> caller() {
    return Optional.ofNullable(caller);
  }

  void caller(Authenticated authenticated) {
    this.caller = authenticated;
  }

  /** Credentials stage 2 found in the request. */
  public int leakFindings() {
    return leakFindings;
  }

  void leakFindings(int count) {
    this.leakFindings = count;
  }

  /** The policy decision, once stage 3 allowed the request. */
  public Optional<PolicyOutcome> policy() {
    return Optional.ofNullable(policy);
  }

  void policy(PolicyOutcome outcome) {
    this.policy = outcome;
  }

  /** The request's spend and rate-limit holds, once admitted. */
  Optional<Admission> admission() {
    return Optional.ofNullable(admission);
  }

  void admission(Admission value) {
    this.admission = value;
  }

  /** The request's attestation, once stage 6 ran. */
  public Optional<io.vertx.core.json.JsonObject> attestation() {
    return Optional.ofNullable(attestation);
  }

  void attestation(io.vertx.core.json.JsonObject value) {
    this.attestation = value;
  }
}
