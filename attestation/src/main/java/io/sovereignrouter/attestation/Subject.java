package io.sovereignrouter.attestation;

/**
 * An in-toto statement subject: a named artefact and its SHA-256 digest.
 *
 * @param name artefact name, e.g. {@code request} or {@code response}
 * @param sha256 SHA-256 of the artefact's canonical bytes
 */
public record Subject(String name, Hash sha256) {
  /**
   * Validates the name.
   *
   * @throws FormatException if the name is empty
   */
  public Subject {
    if (name.isEmpty()) {
      throw new FormatException("subject: empty name");
    }
  }

  /**
   * A subject for some bytes.
   *
   * @param name artefact name
   * @param content artefact bytes
   * @return the subject with their SHA-256
   */
  public static Subject of(String name, byte[] content) {
    return new Subject(name, Hash.sha256(content));
  }
}
