package io.sovereignrouter.sdk.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Reads server-sent events (WHATWG HTML §9.2 "event stream interpretation"), one at a time. */
final class SseReader implements AutoCloseable {
  // A bound on one event's data, so a broken server cannot make the client buffer without end.
  private static final int MAX_EVENT_CHARS = 8 << 20;
  private final BufferedReader in;

  /**
   * One event.
   *
   * @param name the {@code event:} field, "message" by default
   * @param data the {@code data:} lines joined by newlines
   */
  record Event(String name, String data) {}

  SseReader(InputStream body) {
    this.in = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
  }

  /** The next event, or empty at the end of the stream. */
  Optional<Event> next() throws IOException {
    String name = "message";
    StringBuilder data = null;
    String line;
    while ((line = in.readLine()) != null) {
      if (line.isEmpty()) {
        if (data != null) {
          return Optional.of(new Event(name, data.toString()));
        }
        name = "message";
        continue;
      }
      if (line.startsWith(":")) {
        continue;
      }
      int colon = line.indexOf(':');
      String field = colon < 0 ? line : line.substring(0, colon);
      String value = colon < 0 ? "" : line.substring(colon + 1);
      if (value.startsWith(" ")) {
        value = value.substring(1);
      }
      switch (field) {
        case "event" -> name = value;
        case "data" -> {
          if (data == null) {
            data = new StringBuilder(value);
          } else {
            data.append('\n').append(value);
          }
          if (data.length() > MAX_EVENT_CHARS) {
            throw new IOException("event larger than " + MAX_EVENT_CHARS + " characters");
          }
        }
        default -> {
          // id, retry and unknown fields mean nothing to a chat stream.
        }
      }
    }
    return data == null ? Optional.empty() : Optional.of(new Event(name, data.toString()));
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
