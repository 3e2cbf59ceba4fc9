package io.sovereignrouter.gateway.admin;

import io.sovereignrouter.gateway.attest.AuditEvents;
import io.vertx.core.Future;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * How admin handlers answer: read a JSON body strictly, reply with JSON, and — for every change —
 * append an audit event to the Merkle log before answering, so the reply can name its {@code
 * log_index}. A change whose audit append fails is reported as failed.
 */
final class AdminReplies {
  private final AuditEvents events;

  AdminReplies(AuditEvents events) {
    this.events = events;
  }

  /** The body as a JSON object; an empty body reads as {@code {}}. */
  static JsonObject body(RoutingContext ctx) {
    if (ctx.body() == null || ctx.body().length() == 0) {
      return new JsonObject();
    }
    try {
      return ctx.body().asJsonObject();
    } catch (DecodeException | ClassCastException e) {
      throw AdminProblem.invalid("body", "body must be a JSON object");
    }
  }

  /** Answers {@code status} with the JSON {@code result} yields. */
  static void reply(RoutingContext ctx, int status, Supplier<Future<JsonObject>> result) {
    Future<JsonObject> future;
    try {
      future = result.get();
    } catch (RuntimeException e) {
      ctx.fail(e);
      return;
    }
    future
        .onSuccess(
            json ->
                ctx.response()
                    .setStatusCode(status)
                    .putHeader("Content-Type", "application/json")
                    .end(json.toBuffer()))
        .onFailure(ctx::fail);
  }

  /**
   * Like {@link #reply}, for a change: {@code event} picks the ids the audit row records (never a
   * secret).
   */
  void audited(
      RoutingContext ctx,
      int status,
      Supplier<Future<JsonObject>> change,
      String type,
      Function<JsonObject, JsonObject> event) {
    reply(
        ctx,
        status,
        () ->
            change
                .get()
                .compose(
                    json ->
                        events
                            .record(ctx.vertx(), type, event.apply(json))
                            .map(index -> json.put("log_index", index))));
  }

  /** The value or a 404. */
  static <T> T found(Optional<T> value, String what) {
    return value.orElseThrow(() -> AdminProblem.notFound("no " + what));
  }
}
