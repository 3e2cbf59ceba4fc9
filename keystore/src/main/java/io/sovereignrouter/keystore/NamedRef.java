package io.sovereignrouter.keystore;

/**
 * A bare name, resolved through LocalFile → Env → KMS: the first source that knows it wins.
 *
 * @param name the name, matching {@link SecretRef#NAME}
 */
public record NamedRef(String name) implements SecretRef {
  /**
   * Validates the name.
   *
   * @throws SecretRefFormatException if the name does not match {@link SecretRef#NAME}
   */
  public NamedRef {
    if (!NAME.matcher(name).matches()) {
      throw new SecretRefFormatException(
          "secret name: expected 1..128 [A-Za-z0-9._-] not starting with '.', or scheme:value");
    }
  }

  @Override
  public String toString() {
    return name;
  }
}
