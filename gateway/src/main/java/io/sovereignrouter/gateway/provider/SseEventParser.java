package io.sovereignrouter.gateway.provider;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.parsetools.RecordParser;
import java.nio.charset.StandardCharsets;

/**
 * Incremental parser of {@code text/event-stream} (WHATWG HTML §9.2): lines end in LF or CRLF,
 * {@code data:} lines of one event are joined with LF, a blank line dispatches, comments ({@code
 * :…}) and other fields are ignored. Lines longer than the cap fail the parser.
 */
final class SseEventParser implements Handler<Buffer> {
  private final RecordParser lines;
  private final Handler<String> onData;
  private final StringBuilder data = new StringBuilder();
  private boolean hasData;

  /**
   * @param maxLineBytes longest accepted line; an exception is thrown past it
   * @param onData receives each event's data
   */
  SseEventParser(int maxLineBytes, Handler<String> onData) {
    this.onData = onData;
    this.lines = RecordParser.newDelimited("\n", this::line);
    this.lines.maxRecordSize(maxLineBytes);
  }

  @Override
  public void handle(Buffer chunk) {
    lines.handle(chunk);
  }

  private void line(Buffer raw) {
    String line = raw.toString(StandardCharsets.UTF_8);
    if (line.endsWith("\r")) {
      line = line.substring(0, line.length() - 1);
    }
    if (line.isEmpty()) {
      if (hasData) {
        String event = data.toString();
        data.setLength(0);
        hasData = false;
        onData.handle(event);
      }
      return;
    }
    if (line.startsWith(":")) {
      return;
    }
    int colon = line.indexOf(':');
    String field = colon < 0 ? line : line.substring(0, colon);
    if (!field.equals("data")) {
      return;
    }
    String value = colon < 0 ? "" : line.substring(colon + 1);
    if (value.startsWith(" ")) {
      value = value.substring(1);
    }
    if (hasData) {
      data.append('\n');
    }
    data.append(value);
    hasData = true;
  }
}
