package io.sovereignrouter.attestation;

import java.nio.charset.StandardCharsets;

/**
 * A checkpoint and the signed note that carries it (the note's text is the checkpoint body).
 *
 * @param checkpoint the parsed body
 * @param note the signed note
 */
public record SignedCheckpoint(Checkpoint checkpoint, Note note) {
  /**
   * Checks that the note's text is the checkpoint body.
   *
   * @throws FormatException if they differ
   */
  public SignedCheckpoint {
    if (!note.text().equals(checkpoint.format())) {
      throw new FormatException("signed checkpoint: note text is not the checkpoint body");
    }
  }

  /**
   * The wire form served at {@code /checkpoint}.
   *
   * @return the signed note text
   */
  public String format() {
    return note.format();
  }

  /**
   * The wire form as UTF-8 bytes.
   *
   * @return the bytes
   */
  public byte[] bytes() {
    return format().getBytes(StandardCharsets.UTF_8);
  }
}
