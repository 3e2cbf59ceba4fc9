package io.sovereignrouter.sdk;

import java.util.Objects;

/**
 * What a streamed chat completion publishes: chunks, then exactly one {@link Completed} carrying
 * the attestation. A stream that breaks ends with {@code onError} instead.
 */
public sealed interface ChatStreamEvent {
  /**
   * A chunk of the answer.
   *
   * @param chunk the chunk
   */
  record Chunk(ChatChunk chunk) implements ChatStreamEvent {
    /** Validates. */
    public Chunk {
      Objects.requireNonNull(chunk, "chunk");
    }
  }

  /**
   * The stream ended with {@code [DONE]}; the attestation covers every chunk before it.
   *
   * @param attestation the stream's attestation
   * @param digests what was sent and received
   * @param meta the answer's headers
   */
  record Completed(Attestation attestation, ExchangeDigests digests, ResponseMeta meta)
      implements ChatStreamEvent, Attested {
    /** Validates. */
    public Completed {
      Objects.requireNonNull(attestation, "attestation");
      Objects.requireNonNull(digests, "digests");
      Objects.requireNonNull(meta, "meta");
    }
  }
}
