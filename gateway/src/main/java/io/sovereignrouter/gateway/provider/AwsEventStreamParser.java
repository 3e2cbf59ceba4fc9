package io.sovereignrouter.gateway.provider;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import software.amazon.awssdk.eventstream.HeaderValue;
import software.amazon.awssdk.eventstream.Message;
import software.amazon.awssdk.eventstream.MessageDecoder;

/**
 * Decodes AWS event-stream frames with the AWS SDK's decoder (prelude and message CRCs checked) and
 * hands each message on as {@code {"event","messageType","exceptionType","payload"}}. A frame that
 * fails its CRC throws, which fails the stream.
 */
final class AwsEventStreamParser implements Handler<Buffer> {
  private final MessageDecoder decoder;

  AwsEventStreamParser(Handler<String> onEvent) {
    this.decoder = new MessageDecoder(message -> onEvent.handle(wrap(message).encode()));
  }

  @Override
  public void handle(Buffer bytes) {
    decoder.feed(bytes.getBytes());
  }

  static JsonObject wrap(Message message) {
    Map<String, HeaderValue> headers = message.getHeaders();
    String payload = new String(message.getPayload(), StandardCharsets.UTF_8);
    JsonObject out =
        new JsonObject()
            .put("event", header(headers, ":event-type"))
            .put("messageType", header(headers, ":message-type"))
            .put("exceptionType", header(headers, ":exception-type"));
    try {
      out.put("payload", payload.isBlank() ? new JsonObject() : new JsonObject(payload));
    } catch (RuntimeException notJson) {
      out.put("payload", new JsonObject().put("message", "non-JSON event payload"));
    }
    return out;
  }

  private static String header(Map<String, HeaderValue> headers, String name) {
    HeaderValue value = headers.get(name);
    return value == null ? null : value.getString();
  }
}
