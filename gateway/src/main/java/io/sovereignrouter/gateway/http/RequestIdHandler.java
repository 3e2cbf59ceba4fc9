package io.sovereignrouter.gateway.http;

import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.PlatformHandler;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * First handler on every data-plane route: echoes a well-formed {@code X-Request-Id} or makes one,
 * opens the {@link RequestState}, and notices when the client disconnects.
 */
public final class RequestIdHandler implements PlatformHandler {
  static final String HEADER = "X-Request-Id";
  private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
  private final SecureRandom random = new SecureRandom();

  private RequestIdHandler() {}

  /** Creates the handler. */
  public static RequestIdHandler create() {
    return new RequestIdHandler();
  }

  @Override
  public void handle(RoutingContext ctx) {
    String presented = ctx.request().getHeader(HEADER);
    String requestId =
        presented != null && ACCEPTED.matcher(presented).matches() ? presented : "req_" + hex(12);
    RequestState state = RequestState.attach(ctx, requestId, "rd_" + hex(12));
    // The decision id names the request in the audit trail, so even a refusal carries it.
    ctx.response()
        .putHeader(HEADER, requestId)
        .putHeader("X-SF-Route-Decision", state.routeDecisionId());
    // Through the routing context, not response().closeHandler: the context owns that slot and
    // later end handlers (spend settlement) would silently replace ours.
    ctx.addEndHandler(
        end -> {
          if (end.failed()) {
            state.markClientGone();
          }
        });
    ctx.next();
  }

  private String hex(int bytes) {
    byte[] b = new byte[bytes];
    random.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }
}
