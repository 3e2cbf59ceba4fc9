package io.sovereignrouter.gateway.admin;

import io.vertx.core.json.JsonObject;
import java.util.Optional;

/**
 * An admin API error, answered as RFC 9457 {@code application/problem+json}; validation problems
 * name the offending {@code field}. No stack trace: it is an answer, not a bug.
 */
final class AdminProblem extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int status;
  private final String title;
  private final String field;

  AdminProblem(int status, String title, String detail) {
    this(status, title, detail, null);
  }

  private AdminProblem(int status, String title, String detail, String field) {
    super(detail, null, false, false);
    this.status = status;
    this.title = title;
    this.field = field;
  }

  /** 400 naming the field at fault. */
  static AdminProblem invalid(String field, String detail) {
    return new AdminProblem(400, "Bad Request", detail, field);
  }

  static AdminProblem notFound(String detail) {
    return new AdminProblem(404, "Not Found", detail);
  }

  static AdminProblem conflict(String detail) {
    return new AdminProblem(409, "Conflict", detail);
  }

  int status() {
    return status;
  }

  Optional<String> field() {
    return Optional.ofNullable(field);
  }

  JsonObject body() {
    JsonObject body =
        new JsonObject()
            .put("type", "about:blank")
            .put("title", title)
            .put("status", status)
            .put("detail", getMessage());
    field().ifPresent(f -> body.put("field", f));
    return body;
  }
}
