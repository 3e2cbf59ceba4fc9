package io.sovereignrouter.keystore;

import java.util.regex.Pattern;

/**
 * {@code env:NAME}: an environment variable.
 *
 * @param name the variable name, {@code [A-Za-z_][A-Za-z0-9_]*}, at most 128 chars
 */
public record EnvRef(String name) implements SecretRef {
  private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");

  /**
   * Validates the name.
   *
   * @throws SecretRefFormatException if the name is not a portable variable name
   */
  public EnvRef {
    if (!ENV_NAME.matcher(name).matches()) {
      throw new SecretRefFormatException(
          "env reference: expected a variable name [A-Za-z_][A-Za-z0-9_]{0,127}");
    }
  }

  @Override
  public String toString() {
    return SecretRef.format(this);
  }
}
