package io.sovereignrouter.gateway.routing;

import java.util.Objects;

/**
 * One provider attempt of a request, as recorded for the audit trail and {@code X-SF-Attempts}.
 *
 * @param providerId provider tried
 * @param model upstream model name
 * @param outcome how it ended
 * @param status upstream HTTP status when it answered with one (200 on success), else 0
 * @param ttfbMs time to the first byte (equals {@code durationMs} for non-streaming calls)
 * @param durationMs wall time of the attempt
 * @param errorClass failure kind ({@code connect}, {@code timeout}, {@code status}, {@code
 *     protocol}, {@code cancelled}), empty on success
 */
public record Attempt(
    String providerId,
    String model,
    Outcome outcome,
    int status,
    long ttfbMs,
    long durationMs,
    String errorClass) {

  /** Validates. */
  public Attempt {
    Objects.requireNonNull(providerId, "providerId");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(errorClass, "errorClass");
  }

  /** How an attempt ended. */
  public enum Outcome {
    /** Served the request. */
    OK,
    /** Connect error, timeout, 408, 429 or 5xx before the first byte: the walk moved on. */
    FAILED,
    /** Failed after the first byte reached the client: no switch possible. */
    FAILED_AFTER_COMMIT,
    /** Rejected the request as invalid: answered to the client as is. */
    REJECTED,
    /** The client disconnected. */
    CANCELLED
  }
}
