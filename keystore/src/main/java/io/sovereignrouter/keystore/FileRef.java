package io.sovereignrouter.keystore;

/**
 * {@code file:NAME}: an entry of the {@link LocalFileKeystore}.
 *
 * @param name the entry name, matching {@link SecretRef#NAME}
 */
public record FileRef(String name) implements SecretRef {
  /**
   * Validates the name.
   *
   * @throws SecretRefFormatException if the name does not match {@link SecretRef#NAME}
   */
  public FileRef {
    if (!NAME.matcher(name).matches()) {
      throw new SecretRefFormatException(
          "file reference: expected a name of 1..128 [A-Za-z0-9._-] not starting with '.'");
    }
  }

  @Override
  public String toString() {
    return SecretRef.format(this);
  }
}
