package io.sovereignrouter.sdk.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.sovereignrouter.attestation.Hash;
import io.sovereignrouter.sdk.ApiError;
import io.sovereignrouter.sdk.Attestation;
import io.sovereignrouter.sdk.ChatChunk;
import io.sovereignrouter.sdk.ExchangeDigests;
import io.sovereignrouter.sdk.ResponseMeta;
import io.sovereignrouter.sdk.SovereignConnectionException;
import io.sovereignrouter.sdk.SovereignProtocolException;
import io.sovereignrouter.sdk.StreamInterruptedException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * Turns a chat event stream into chunks and, at {@code [DONE]}, the attestation. Accepts both forms
 * the gateway sends: {@code _sf_attestation} spliced into the last chunk, or a named {@code
 * sf_attestation} event. Digests each chunk as the provider sent it (JSON text and a newline), as
 * the gateway's {@code response} subject does. Not thread-safe.
 */
public final class ChunkReader implements AutoCloseable {
  private final SseReader events;
  private final ResponseMeta meta;
  private final Hash requestSha256;
  private final MessageDigest content;
  private Attestation attestation;
  private boolean done;

  /**
   * @param opened the open stream
   * @param requestBody the request bytes as sent
   */
  public ChunkReader(Transport.Opened opened, byte[] requestBody) {
    this.events = new SseReader(opened.body());
    this.meta = opened.meta();
    this.requestSha256 = Hash.sha256(requestBody);
    try {
      this.content = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The stream's headers. */
  public ResponseMeta meta() {
    return meta;
  }

  /**
   * The next chunk, or empty once {@code [DONE]} arrived.
   *
   * @throws StreamInterruptedException on an error event
   * @throws SovereignProtocolException if the stream ends early or without an attestation
   */
  public Optional<ChatChunk> next() {
    while (!done) {
      SseReader.Event event;
      try {
        event =
            events
                .next()
                .orElseThrow(() -> new SovereignProtocolException("stream ended without [DONE]"));
      } catch (IOException e) {
        throw new SovereignConnectionException("stream broke: " + e.getClass().getSimpleName(), e);
      }
      if (event.name().equals("sf_attestation")) {
        attestation = AttestationCodec.parse(event.data());
        continue;
      }
      if (event.data().equals("[DONE]")) {
        done = true;
        if (attestation == null) {
          throw new SovereignProtocolException("stream ended without an attestation");
        }
        return Optional.empty();
      }
      String json = event.data();
      Optional<Splice> splice = Splice.remove(json);
      if (splice.isPresent()) {
        json = splice.get().original();
        attestation =
            AttestationCodec.of(
                Json.read(splice.get().attestation(), "attestation"), splice.get().attestation());
      } else {
        JsonNode node = Json.read(json, "stream event");
        if (node.has("error") && !node.has("choices")) {
          throw new StreamInterruptedException(
              Errors.parse(node)
                  .orElse(new ApiError("stream error", "", Optional.empty(), Optional.empty())),
              meta);
        }
      }
      content.update(json.getBytes(StandardCharsets.UTF_8));
      content.update((byte) '\n');
      return Optional.of(Decoders.chunk(json));
    }
    return Optional.empty();
  }

  /** The attestation; present once {@link #next()} returned empty. */
  public Optional<Attestation> attestation() {
    return done ? Optional.of(attestation) : Optional.empty();
  }

  /** The exchange digests; present once the stream is done. */
  public Optional<ExchangeDigests> digests() {
    if (!done) {
      return Optional.empty();
    }
    try {
      byte[] sha = ((MessageDigest) content.clone()).digest();
      return Optional.of(new ExchangeDigests(requestSha256, Hash.of(sha)));
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    try {
      events.close();
    } catch (IOException e) {
      // Closing an abandoned stream: nothing more to read from it either way.
    }
  }
}
