package io.sovereignrouter.gateway.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Request-level scanning: locations, the three actions, and redaction that keeps JSON valid. */
class ChatRequestScannerTest {
  // Valid checksum (example from the base62-token.js README, an independent implementation).
  private static final String GH = "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";
  private static final String PG = "postgres://app:Zq8vT2mWx4Lp@db.internal:5432/app";
  private static final ChatRequestScanner SCANNER = new ChatRequestScanner(ScanFixtures.SCANNER);

  private static JsonObject request() {
    return new JsonObject()
        .put("model", "mock-chat")
        .put(
            "messages",
            new JsonArray()
                .add(new JsonObject().put("role", "system").put("content", "deploy with " + GH))
                .add(
                    new JsonObject()
                        .put("role", "user")
                        .put(
                            "content",
                            new JsonArray()
                                .add(new JsonObject().put("type", "text").put("text", "db " + PG))
                                .add(
                                    new JsonObject()
                                        .put("type", "image_url")
                                        .put(
                                            "image_url",
                                            new JsonObject()
                                                .put("url", "data:image/png;base64,AAAA")))))
                .add(
                    new JsonObject()
                        .put("role", "assistant")
                        .put(
                            "tool_calls",
                            new JsonArray()
                                .add(
                                    new JsonObject()
                                        .put("id", "call_1")
                                        .put("type", "function")
                                        .put(
                                            "function",
                                            new JsonObject()
                                                .put("name", "run")
                                                .put(
                                                    "arguments",
                                                    new JsonObject()
                                                        .put("cmd", "git push https://" + GH + "@x")
                                                        .put("token", GH)
                                                        .encode())))))
                .add(
                    new JsonObject()
                        .put("role", "tool")
                        .put("tool_call_id", "call_1")
                        .put("content", "ok, pushed")));
  }

  @Test
  void scan_redact_locationsAndMarkers_jsonStaysValid_originalUntouched() {
    JsonObject original = request();
    String before = original.encode();
    ScanVerdict verdict = SCANNER.scan(original, LeakAction.REDACT);
    assertThat(verdict).isInstanceOf(ScanVerdict.Redacted.class);
    ScanVerdict.Redacted redacted = (ScanVerdict.Redacted) verdict;
    assertThat(original.encode()).isEqualTo(before);
    assertThat(redacted.findings())
        .extracting(JsonFinding::pointer)
        .containsExactly(
            "/messages/0/content",
            "/messages/1/content/0/text",
            "/messages/2/tool_calls/0/function/arguments",
            "/messages/2/tool_calls/0/function/arguments");
    JsonObject body = new JsonObject(redacted.body().encode());
    JsonArray messages = body.getJsonArray("messages");
    assertThat(messages.getJsonObject(0).getString("content"))
        .isEqualTo("deploy with [REDACTED:github-pat#1]");
    assertThat(messages.getJsonObject(1).getJsonArray("content").getJsonObject(0).getString("text"))
        .isEqualTo("db postgres://app:[REDACTED:postgres-url-password#1]@db.internal:5432/app");
    String arguments =
        messages
            .getJsonObject(2)
            .getJsonArray("tool_calls")
            .getJsonObject(0)
            .getJsonObject("function")
            .getString("arguments");
    // Same secret, same number, across messages and inside tool arguments; arguments stay JSON.
    assertThat(new JsonObject(arguments).getString("token")).isEqualTo("[REDACTED:github-pat#1]");
    assertThat(new JsonObject(arguments).getString("cmd"))
        .isEqualTo("git push https://[REDACTED:github-pat#1]@x");
    assertThat(body.encode()).doesNotContain(GH, "Zq8vT2mWx4Lp");
    assertThat(messages.getJsonObject(3))
        .isEqualTo(original.getJsonArray("messages").getJsonObject(3));
  }

  @Test
  void scan_block_messageNamesRulesAndLocationsNeverSecrets() {
    ScanVerdict verdict = SCANNER.scan(request(), LeakAction.BLOCK);
    assertThat(verdict).isInstanceOf(ScanVerdict.Blocked.class);
    String message = ((ScanVerdict.Blocked) verdict).message();
    assertThat(message)
        .contains("github-pat at /messages/0/content[12..52]")
        .doesNotContain(GH, "Zq8vT2mWx4Lp");
  }

  @Test
  void scan_log_findingsOnly() {
    ScanVerdict verdict = SCANNER.scan(request(), LeakAction.LOG);
    assertThat(verdict).isInstanceOf(ScanVerdict.Logged.class);
    assertThat(verdict.findings()).hasSize(4);
  }

  @Test
  void scan_cleanRequest_clean() {
    JsonObject body =
        new JsonObject()
            .put("model", "mock-chat")
            .put(
                "messages",
                new JsonArray()
                    .add(
                        new JsonObject()
                            .put("role", "user")
                            .put("content", "Use ${GITHUB_TOKEN}.")));
    assertThat(SCANNER.scan(body, LeakAction.REDACT)).isEqualTo(new ScanVerdict.Clean());
  }

  @Test
  void scan_pointerEscapesSlashAndTilde() {
    JsonObject body = new JsonObject().put("metadata", new JsonObject().put("a/b~c", "k " + GH));
    ScanVerdict verdict = SCANNER.scan(body, LeakAction.REDACT);
    assertThat(verdict.findings())
        .extracting(JsonFinding::pointer)
        .containsExactly("/metadata/a~1b~0c");
    assertThat(((ScanVerdict.Redacted) verdict).body().getJsonObject("metadata").getString("a/b~c"))
        .isEqualTo("k [REDACTED:github-pat#1]");
  }

  @Test
  void leakAction_parse_roundTrip() {
    for (LeakAction a : LeakAction.values()) {
      assertThat(LeakAction.parse(a.configValue())).isEqualTo(a);
    }
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> LeakAction.parse("Redact"))
        .isInstanceOf(ScanException.class);
    assertThat(List.of(LeakAction.values())).hasSize(3);
  }
}
