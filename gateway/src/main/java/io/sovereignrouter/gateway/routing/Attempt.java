package io.sovereignrouter.gateway.routing;

/**
 * One provider attempt of a request, as recorded for the audit trail and {@code X-SF-Attempts}.
 *
 * @param providerId provider tried
 * @param model upstream model name
 * @param outcome how it ended
 * @param status upstream HTTP status when it answered with one, else 0
 * @param durationMs wall time of the attempt
 */
public record Attempt(
    String providerId, String model, Outcome outcome, int status, long durationMs) {

  /** How an attempt ended. */
  public enum Outcome {
    /** Served the request. */
    OK,
    /** Connect error, timeout, 5xx, 429: the walk moved on. */
    FAILED,
    /** Failed after the first byte reached the client: no switch possible. */
    FAILED_AFTER_COMMIT,
    /** Rejected the request as invalid: answered to the client as is. */
    REJECTED,
    /** The client disconnected. */
    CANCELLED
  }
}
