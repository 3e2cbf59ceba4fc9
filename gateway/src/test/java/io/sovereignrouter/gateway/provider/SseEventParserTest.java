package io.sovereignrouter.gateway.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SseEventParserTest {
  private final List<String> events = new ArrayList<>();
  private final SseEventParser parser = new SseEventParser(1024, events::add);

  @Test
  void handle_lfAndCrlf_dispatchOnBlankLine() {
    parser.handle(Buffer.buffer("data: {\"a\":1}\n\ndata: {\"b\":2}\r\n\r\n"));
    assertThat(events).containsExactly("{\"a\":1}", "{\"b\":2}");
  }

  @Test
  void handle_splitAcrossBuffers_reassembles() {
    String text = "data: {\"hello\":\"wörld\"}\n\ndata: [DONE]\n\n";
    byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    for (byte b : bytes) {
      parser.handle(Buffer.buffer(new byte[] {b}));
    }
    assertThat(events).containsExactly("{\"hello\":\"wörld\"}", "[DONE]");
  }

  @Test
  void handle_multiLineDataCommentsAndOtherFields() {
    parser.handle(
        Buffer.buffer(
            ": keep-alive\nevent: message\nid: 7\ndata: line1\ndata:line2\nretry: 10\n\n"));
    assertThat(events).containsExactly("line1\nline2");
  }

  @Test
  void handle_blankLineWithoutData_dispatchesNothing() {
    parser.handle(Buffer.buffer("\n\n: ping\n\n"));
    assertThat(events).isEmpty();
  }

  @Test
  void handle_lineOverCap_fails() {
    assertThatThrownBy(() -> parser.handle(Buffer.buffer("data: " + "x".repeat(2000))))
        .isInstanceOf(IllegalStateException.class);
  }
}
