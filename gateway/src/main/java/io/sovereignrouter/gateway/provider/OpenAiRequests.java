package io.sovereignrouter.gateway.provider;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Readers of OpenAI chat request parts shared by the translating adapters. */
final class OpenAiRequests {
  private static final Pattern DATA_URL =
      Pattern.compile("data:([^;,]+);base64,(.*)", Pattern.DOTALL);

  private OpenAiRequests() {}

  /** An inline image: media type and base64 data. */
  record InlineImage(String mediaType, String base64) {}

  /** The texts of a message content: the string, or every {@code text} part. */
  static List<String> texts(Object content) {
    List<String> out = new ArrayList<>();
    if (content instanceof String s) {
      out.add(s);
    } else if (content instanceof JsonArray parts) {
      for (Object p : parts) {
        JsonObject part = (JsonObject) p;
        if ("text".equals(part.getString("type"))) {
          out.add(part.getString("text", ""));
        }
      }
    }
    return out;
  }

  /** The URL of an {@code image_url} part. */
  static String imageUrl(JsonObject part) {
    return part.getJsonObject("image_url", new JsonObject()).getString("url", "");
  }

  /** A {@code data:<type>;base64,<data>} URL split, or empty for any other URL. */
  static Optional<InlineImage> inline(String url) {
    Matcher m = DATA_URL.matcher(url);
    return m.matches() ? Optional.of(new InlineImage(m.group(1), m.group(2))) : Optional.empty();
  }

  /** A tool call's {@code arguments} JSON text as an object ({} when empty or not an object). */
  static JsonObject arguments(String json) {
    try {
      return new JsonObject(json == null || json.isBlank() ? "{}" : json);
    } catch (DecodeException | ClassCastException e) {
      return new JsonObject();
    }
  }

  /**
   * Appends {@code blocks} as a turn of {@code role}, merged into the previous turn when that has
   * the same role (Anthropic, Bedrock and Gemini expect alternating turns).
   *
   * @param blocksKey the field holding a turn's blocks ({@code content} or {@code parts})
   */
  static void appendTurn(JsonArray turns, String role, JsonArray blocks, String blocksKey) {
    if (!turns.isEmpty()) {
      JsonObject last = turns.getJsonObject(turns.size() - 1);
      if (role.equals(last.getString("role"))) {
        blocks.forEach(last.getJsonArray(blocksKey)::add);
        return;
      }
    }
    turns.add(new JsonObject().put("role", role).put(blocksKey, blocks));
  }

  /** Each text of a message content as a block built by {@code block}. */
  static JsonArray textBlocks(
      Object content, java.util.function.Function<String, JsonObject> block) {
    JsonArray out = new JsonArray();
    texts(content).forEach(t -> out.add(block.apply(t)));
    return out;
  }

  /** {@code max_completion_tokens}, else {@code max_tokens}, when set. */
  static Optional<Integer> maxTokens(JsonObject body) {
    Object max = body.getValue("max_completion_tokens", body.getValue("max_tokens"));
    return max instanceof Number n ? Optional.of(n.intValue()) : Optional.empty();
  }

  /** {@code stop} as a list (it may be a string or an array). */
  static Optional<JsonArray> stops(JsonObject body) {
    Object stop = body.getValue("stop");
    if (stop instanceof String s) {
      return Optional.of(new JsonArray().add(s));
    }
    return stop instanceof JsonArray a ? Optional.of(a.copy()) : Optional.empty();
  }
}
