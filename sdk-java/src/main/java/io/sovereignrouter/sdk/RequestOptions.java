package io.sovereignrouter.sdk;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Per-request settings: the routing policy ({@code X-SF-Policy}), the request id ({@code
 * X-Request-Id}), a timeout and extra headers. Immutable; each {@code with…} returns a copy.
 *
 * <pre>{@code
 * RequestOptions opts = RequestOptions.defaults().withPolicy("clinical-strict").withRequestId("job-42");
 * }</pre>
 */
public final class RequestOptions {
  private static final RequestOptions DEFAULTS = new RequestOptions(null, null, null, Map.of());
  // The gateway echoes only ids of this form and replaces anything else.
  private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
  private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
  private final String policy;
  private final String requestId;
  private final Duration timeout;
  private final Map<String, String> headers;

  private RequestOptions(
      String policy, String requestId, Duration timeout, Map<String, String> headers) {
    this.policy = policy;
    this.requestId = requestId;
    this.timeout = timeout;
    this.headers = headers;
  }

  /**
   * No policy, a generated request id, the client's timeout, no extra headers.
   *
   * @return the default options
   */
  public static RequestOptions defaults() {
    return DEFAULTS;
  }

  /**
   * Routes this request under a named policy ({@code X-SF-Policy}) instead of the tenant default.
   *
   * @param policy the policy id, e.g. {@code clinical-strict}
   * @return a copy with the policy set
   * @throws IllegalArgumentException if the id is not an HTTP token
   */
  public RequestOptions withPolicy(String policy) {
    if (!TOKEN.matcher(policy).matches()) {
      throw new IllegalArgumentException("policy id must be a non-empty HTTP token");
    }
    return new RequestOptions(policy, requestId, timeout, headers);
  }

  /**
   * Sends {@code X-Request-Id}; the gateway echoes it and records it with the request.
   *
   * @param requestId 1-128 characters of letters, digits, {@code . _ : -}
   * @return a copy with the id set
   * @throws IllegalArgumentException if the id has another form (the gateway would replace it)
   */
  public RequestOptions withRequestId(String requestId) {
    if (!REQUEST_ID.matcher(requestId).matches()) {
      throw new IllegalArgumentException(
          "request id must be 1-128 characters of letters, digits, '.', '_', ':' or '-'");
    }
    return new RequestOptions(policy, requestId, timeout, headers);
  }

  /**
   * Overrides the client's request timeout for this request (for streams: until the headers).
   *
   * @param timeout a positive duration
   * @return a copy with the timeout set
   */
  public RequestOptions withTimeout(Duration timeout) {
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive");
    }
    return new RequestOptions(policy, requestId, timeout, headers);
  }

  /**
   * Adds a header. {@code Authorization} and {@code Content-Type} are the client's, and {@code
   * X-SF-Policy} and {@code X-Request-Id} have their own {@code with…} methods: none can be set
   * here.
   *
   * @param name header name
   * @param value header value
   * @return a copy with the header added
   */
  public RequestOptions withHeader(String name, String value) {
    Objects.requireNonNull(value, "value");
    if (!TOKEN.matcher(name).matches()
        || name.equalsIgnoreCase("Authorization")
        || name.equalsIgnoreCase("Content-Type")
        || name.equalsIgnoreCase("X-SF-Policy")
        || name.equalsIgnoreCase("X-Request-Id")) {
      throw new IllegalArgumentException("header " + name + " cannot be set per request");
    }
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new RequestOptions(policy, requestId, timeout, Map.copyOf(more));
  }

  /**
   * The policy id sent as {@code X-SF-Policy}.
   *
   * @return the policy, when set
   */
  public Optional<String> policy() {
    return Optional.ofNullable(policy);
  }

  /**
   * The request id sent as {@code X-Request-Id}.
   *
   * @return the id, when set
   */
  public Optional<String> requestId() {
    return Optional.ofNullable(requestId);
  }

  /**
   * The per-request timeout.
   *
   * @return the timeout, when set
   */
  public Optional<Duration> timeout() {
    return Optional.ofNullable(timeout);
  }

  /**
   * Extra headers.
   *
   * @return an unmodifiable map
   */
  public Map<String, String> headers() {
    return headers;
  }

  @Override
  public String toString() {
    // Header values may hold credentials of the caller's own: names only.
    return "RequestOptions[policy="
        + policy
        + ", requestId="
        + requestId
        + ", timeout="
        + timeout
        + ", headers="
        + headers.keySet()
        + "]";
  }
}
