package io.sovereignrouter.sdk;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One {@code chat.completion.chunk} of a stream.
 *
 * @param id completion id (the same on every chunk)
 * @param model model id as the provider reported it
 * @param choices the deltas (empty on a usage-only chunk)
 * @param usage usage, on the usage chunk of {@code stream_options.include_usage}
 * @param json the chunk's JSON as the provider sent it (without {@code _sf_attestation})
 */
public record ChatChunk(
    String id, String model, List<ChunkChoice> choices, Optional<Usage> usage, String json) {
  /** Validates and copies. */
  public ChatChunk {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(model, "model");
    choices = List.copyOf(choices);
    Objects.requireNonNull(usage, "usage");
    Objects.requireNonNull(json, "json");
  }

  /**
   * The text this chunk adds to the first choice.
   *
   * @return the delta content, or ""
   */
  public String text() {
    return choices.isEmpty() ? "" : choices.get(0).content().orElse("");
  }

  /** Prints ids only: the content may be sensitive. */
  @Override
  public String toString() {
    return "ChatChunk[id=" + id + ", choices=" + choices.size() + "]";
  }
}
