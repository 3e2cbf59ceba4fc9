package io.sovereignrouter.sdk;

import java.util.Objects;
import java.util.Optional;

/**
 * One choice of a chat completion.
 *
 * @param index position in {@code choices}
 * @param message the generated message
 * @param finishReason why generation stopped ({@code stop}, {@code length}, …)
 */
public record ChatChoice(int index, ChatMessage message, Optional<String> finishReason) {
  /** Validates. */
  public ChatChoice {
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(finishReason, "finishReason");
  }
}
