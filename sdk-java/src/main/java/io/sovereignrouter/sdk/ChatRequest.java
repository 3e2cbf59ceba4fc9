package io.sovereignrouter.sdk;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A chat completion request: model, messages and any other OpenAI parameter ({@code max_tokens},
 * {@code temperature}, {@code tools}, …) as JSON-mappable values, which the gateway passes through.
 *
 * <pre>{@code
 * ChatRequest req = ChatRequest.of("mock-chat", ChatMessage.user("Hello"))
 *     .withParameter("max_tokens", 64);
 * }</pre>
 *
 * @param model model id as listed by {@code GET /v1/models}
 * @param messages the conversation (at least one)
 * @param parameters other request members by OpenAI name; values are strings, numbers, booleans,
 *     lists and maps (Jackson-mappable)
 */
public record ChatRequest(
    String model, List<ChatMessage> messages, Map<String, Object> parameters) {
  // Set by the client from the call (stream vs not) or structurally part of the record.
  private static final Set<String> RESERVED = Set.of("model", "messages", "stream");

  /**
   * Validates and copies.
   *
   * @throws IllegalArgumentException if there is no message or a parameter is reserved
   */
  public ChatRequest {
    Objects.requireNonNull(model, "model");
    messages = List.copyOf(messages);
    parameters = Map.copyOf(parameters);
    if (messages.isEmpty()) {
      throw new IllegalArgumentException("a chat request needs at least one message");
    }
    for (String name : parameters.keySet()) {
      if (RESERVED.contains(name)) {
        throw new IllegalArgumentException(name + " is not a free parameter");
      }
    }
  }

  /**
   * A request with no extra parameters.
   *
   * @param model model id
   * @param messages the conversation
   * @return the request
   */
  public static ChatRequest of(String model, ChatMessage... messages) {
    return new ChatRequest(model, List.of(messages), Map.of());
  }

  /**
   * A copy with one more parameter (replacing one of the same name).
   *
   * @param name OpenAI parameter name, e.g. {@code max_tokens}
   * @param value a Jackson-mappable value
   * @return the new request
   */
  public ChatRequest withParameter(String name, Object value) {
    Map<String, Object> more = new LinkedHashMap<>(parameters);
    more.put(name, value);
    return new ChatRequest(model, messages, more);
  }
}
