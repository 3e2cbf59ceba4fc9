package io.sovereignrouter.attestation;

import java.time.Instant;

/**
 * A log's promise to include an entry at an index: what a journaled {@link MerkleLog} hands out
 * once the entry is durable in its journal, before any checkpoint covers it. Signed as a note
 * ({@link InclusionPromises}); a log that later holds another entry at the index, or none, is
 * caught breaking a signed promise.
 *
 * <p>Body (signed-note text, each line ending in a newline): {@value #HEADER}, the log origin, the
 * decimal index, the base64 leaf hash, the decimal Unix second it was issued. The first line is not
 * a log origin, so a promise can never be mistaken for a checkpoint signed by the same key.
 *
 * @param origin the log's origin
 * @param index the promised leaf index
 * @param leafHash RFC 6962 leaf hash of the entry
 * @param issuedAt when the entry became durable in the journal (second precision)
 */
public record InclusionPromise(String origin, long index, Hash leafHash, Instant issuedAt) {
  /** First line of every promise body. */
  public static final String HEADER = "sovereign-router/inclusion-promise/v1";

  /**
   * Validates the parts.
   *
   * @throws FormatException if the origin is not one line or index or time is negative
   */
  public InclusionPromise {
    if (origin.isEmpty() || origin.indexOf('\n') >= 0) {
      throw new FormatException("inclusion promise: origin must be one non-empty line");
    }
    if (index < 0 || issuedAt.getEpochSecond() < 0) {
      throw new FormatException("inclusion promise: negative index or time");
    }
    issuedAt = Instant.ofEpochSecond(issuedAt.getEpochSecond());
  }

  /**
   * The signed-note text.
   *
   * @return the body, ending in a newline
   */
  public String format() {
    return HEADER
        + "\n"
        + origin
        + "\n"
        + index
        + "\n"
        + leafHash.format()
        + "\n"
        + issuedAt.getEpochSecond()
        + "\n";
  }

  /**
   * Parses a promise body strictly (canonical form only).
   *
   * @param text the note text
   * @return the promise
   * @throws FormatException if malformed
   */
  public static InclusionPromise parse(String text) {
    String[] lines = text.split("\n", -1);
    if (lines.length != 6 || !lines[5].isEmpty() || !lines[0].equals(HEADER)) {
      throw new FormatException("inclusion promise: expected " + HEADER + " and 4 lines");
    }
    InclusionPromise p;
    try {
      p =
          new InclusionPromise(
              lines[1],
              Long.parseLong(lines[2]),
              Hash.parse(lines[3]),
              Instant.ofEpochSecond(Long.parseLong(lines[4])));
    } catch (NumberFormatException e) {
      throw new FormatException("inclusion promise: bad number", e);
    }
    if (!p.format().equals(text)) {
      throw new FormatException("inclusion promise: not canonical");
    }
    return p;
  }
}
