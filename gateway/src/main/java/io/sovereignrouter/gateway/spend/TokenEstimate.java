package io.sovereignrouter.gateway.spend;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Upper-bound-leaning token estimates made before a provider is called, for rate limits and spend
 * holds. About four characters per token for English text and code; every message adds framing
 * tokens. Real usage replaces the estimate once the provider answers.
 */
public final class TokenEstimate {
  private static final int CHARS_PER_TOKEN = 4;
  private static final int TOKENS_PER_MESSAGE = 4;

  private TokenEstimate() {}

  /** Prompt tokens of a chat request: message text, tool definitions and tool-call arguments. */
  public static long chatInput(JsonObject body) {
    long chars = 0;
    long messages = 0;
    if (body.getValue("messages") instanceof JsonArray list) {
      for (Object m : list) {
        messages++;
        chars += textLength(m);
      }
    }
    if (body.getValue("tools") instanceof JsonArray tools) {
      chars += tools.encode().length();
    }
    return ceilDiv(chars) + messages * TOKENS_PER_MESSAGE;
  }

  /** Input tokens of an embeddings request (token-id arrays count exactly). */
  public static long embeddingInput(JsonObject body) {
    Object input = body.getValue("input");
    if (input instanceof JsonArray list && !list.isEmpty() && list.getValue(0) instanceof Number) {
      return list.size();
    }
    return ceilDiv(textLength(input));
  }

  /** Completion tokens the request allows, or {@code fallback} when it sets no limit. */
  public static long chatOutput(JsonObject body, long fallback) {
    Object limit = body.getValue("max_completion_tokens", body.getValue("max_tokens"));
    return limit instanceof Number n ? n.longValue() : fallback;
  }

  /** Characters of every string inside {@code value}, recursively. */
  private static long textLength(Object value) {
    return switch (value) {
      case String s -> s.length();
      case JsonObject o -> {
        long n = 0;
        for (var e : o) {
          n += textLength(e.getValue());
        }
        yield n;
      }
      case JsonArray a -> {
        long n = 0;
        for (Object item : a) {
          n += item instanceof Number ? 1 : textLength(item);
        }
        yield n;
      }
      case null, default -> 0;
    };
  }

  private static long ceilDiv(long chars) {
    return (chars + CHARS_PER_TOKEN - 1) / CHARS_PER_TOKEN;
  }
}
