package io.sovereignrouter.sdk;

import java.util.Objects;
import java.util.Optional;

/**
 * The body of an error answer: OpenAI's {@code {"error":{"message","type","param","code"}}} on the
 * data plane, RFC 9457 problem details ({@code title} as type, {@code detail} as message) on the
 * admin API.
 *
 * @param message human-readable description
 * @param type error type, e.g. {@code invalid_request_error} (empty when the body had none)
 * @param param the offending request field, when named
 * @param code machine-readable code, e.g. {@code upstream_rate_limited}, when given
 */
public record ApiError(String message, String type, Optional<String> param, Optional<String> code) {
  /** Validates. */
  public ApiError {
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(param, "param");
    Objects.requireNonNull(code, "code");
  }
}
