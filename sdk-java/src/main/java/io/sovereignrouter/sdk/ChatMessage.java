package io.sovereignrouter.sdk;

import java.util.Objects;

/**
 * One chat message with text content.
 *
 * @param role {@code system}, {@code user}, {@code assistant}, …
 * @param content the text
 */
public record ChatMessage(String role, String content) {
  /** Validates. */
  public ChatMessage {
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(content, "content");
  }

  /**
   * A system message.
   *
   * @param content the text
   * @return the message
   */
  public static ChatMessage system(String content) {
    return new ChatMessage("system", content);
  }

  /**
   * A user message.
   *
   * @param content the text
   * @return the message
   */
  public static ChatMessage user(String content) {
    return new ChatMessage("user", content);
  }

  /**
   * An assistant message.
   *
   * @param content the text
   * @return the message
   */
  public static ChatMessage assistant(String content) {
    return new ChatMessage("assistant", content);
  }

  /** Never prints the content: prompts stay out of logs. */
  @Override
  public String toString() {
    return "ChatMessage[role=" + role + ", " + content.length() + " chars]";
  }
}
