package io.sovereignrouter.gateway.admin;

import io.vertx.core.json.JsonObject;

/**
 * An admin API error, answered as RFC 9457 {@code application/problem+json}. No stack trace: it is
 * an answer, not a bug.
 */
final class AdminProblem extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int status;
  private final String title;

  AdminProblem(int status, String title, String detail) {
    super(detail, null, false, false);
    this.status = status;
    this.title = title;
  }

  int status() {
    return status;
  }

  JsonObject body() {
    return new JsonObject()
        .put("type", "about:blank")
        .put("title", title)
        .put("status", status)
        .put("detail", getMessage());
  }
}
