package io.sovereignrouter.gateway.scan;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** The outcome of scanning one request under the tenant's {@link LeakAction}. */
public sealed interface ScanVerdict {
  /** Findings in request order (empty only for {@link Clean}). */
  List<JsonFinding> findings();

  /** No credential found: forward the request unchanged. */
  record Clean() implements ScanVerdict {
    @Override
    public List<JsonFinding> findings() {
      return List.of();
    }
  }

  /**
   * Credentials found and redacted: forward {@code body} instead of the original.
   *
   * @param body a redacted copy of the request (the original is untouched)
   * @param findings what was redacted
   */
  record Redacted(JsonObject body, List<JsonFinding> findings) implements ScanVerdict {
    /** Validates and copies. */
    public Redacted {
      Objects.requireNonNull(body, "body");
      findings = List.copyOf(findings);
    }
  }

  /**
   * Credentials found and the tenant blocks: answer 400 {@code credential_leak} with {@link
   * #message()}.
   *
   * @param findings what was found
   */
  record Blocked(List<JsonFinding> findings) implements ScanVerdict {
    /** Copies. */
    public Blocked {
      findings = List.copyOf(findings);
    }

    /** Client-facing message: rule ids and locations, never a secret. */
    public String message() {
      return "request contains credentials: "
          + findings.stream().map(JsonFinding::describe).collect(Collectors.joining(", "));
    }
  }

  /**
   * Credentials found and the tenant only logs: forward the original request.
   *
   * @param findings what was found
   */
  record Logged(List<JsonFinding> findings) implements ScanVerdict {
    /** Copies. */
    public Logged {
      findings = List.copyOf(findings);
    }
  }
}
