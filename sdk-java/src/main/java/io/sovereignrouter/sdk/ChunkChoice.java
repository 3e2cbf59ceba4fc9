package io.sovereignrouter.sdk;

import java.util.Objects;
import java.util.Optional;

/**
 * One choice's delta in a streamed chunk.
 *
 * @param index position in {@code choices}
 * @param role the role, on the first delta
 * @param content the text added by this delta
 * @param finishReason why generation stopped, on the last delta
 */
public record ChunkChoice(
    int index, Optional<String> role, Optional<String> content, Optional<String> finishReason) {
  /** Validates. */
  public ChunkChoice {
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(finishReason, "finishReason");
  }
}
