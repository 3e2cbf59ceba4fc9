package io.sovereignrouter.sdk;

import io.sovereignrouter.sdk.internal.ChunkReader;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * A streamed chat completion, read on the calling thread. Iterate the chunks; once the iteration
 * ends (the gateway sent {@code [DONE]}) the attestation is available. Close it to abandon the
 * stream early.
 *
 * <pre>{@code
 * try (ChatStream stream = client.stream(req)) {
 *   for (ChatChunk chunk : stream) System.out.print(chunk.text());
 *   long index = stream.attestation().rekorIndex();
 * }
 * }</pre>
 *
 * Iteration throws {@link StreamInterruptedException} when the stream breaks, and {@link
 * SovereignProtocolException} when it ends without {@code [DONE]} or an attestation.
 */
public final class ChatStream implements Iterable<ChatChunk>, Attested, AutoCloseable {
  private final ChunkReader reader;
  private boolean iterated;

  ChatStream(ChunkReader reader) {
    this.reader = reader;
  }

  /**
   * The chunks, in order. A stream can be iterated once.
   *
   * @return the iterator
   * @throws IllegalStateException on a second call
   */
  @Override
  public Iterator<ChatChunk> iterator() {
    if (iterated) {
      throw new IllegalStateException("a chat stream can be iterated once");
    }
    iterated = true;
    return new Iterator<>() {
      private Optional<ChatChunk> next;

      @Override
      public boolean hasNext() {
        if (next == null) {
          next = reader.next();
        }
        return next.isPresent();
      }

      @Override
      public ChatChunk next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        ChatChunk chunk = next.get();
        next = null;
        return chunk;
      }
    };
  }

  /**
   * The stream's headers (request id, route decision, provider).
   *
   * @return the response metadata
   */
  public ResponseMeta meta() {
    return reader.meta();
  }

  /**
   * Whether {@code [DONE]} arrived.
   *
   * @return true once the attestation is available
   */
  public boolean completed() {
    return reader.attestation().isPresent();
  }

  /**
   * The attestation covering every chunk of the stream.
   *
   * @return the attestation
   * @throws IllegalStateException if the stream has not ended yet
   */
  public Attestation attestation() {
    return reader.attestation().orElseThrow(ChatStream::notDone);
  }

  /**
   * What was sent and received, for {@link AttestationVerifier#verify(Attestation,
   * ExchangeDigests)}.
   *
   * @return the digests
   * @throws IllegalStateException if the stream has not ended yet
   */
  public ExchangeDigests digests() {
    return reader.digests().orElseThrow(ChatStream::notDone);
  }

  private static IllegalStateException notDone() {
    return new IllegalStateException("the stream has not ended: iterate it to the end first");
  }

  /** Closes the connection; the rest of the stream is discarded. */
  @Override
  public void close() {
    reader.close();
  }
}
