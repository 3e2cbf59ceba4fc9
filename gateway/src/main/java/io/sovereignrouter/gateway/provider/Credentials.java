package io.sovereignrouter.gateway.provider;

import io.sovereignrouter.gateway.config.ConfigException;
import java.util.Map;

/**
 * Resolves provider credential references. Only {@code env:NAME} and {@code file:PATH} exist until
 * the keystore chain (LocalFile → Env → KMS) replaces this class; the resolved value stays inside
 * the adapter.
 */
public final class Credentials {
  private final Map<String, String> environment;

  /**
   * @param environment the process environment (injectable for tests)
   */
  public Credentials(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  /**
   * Resolves {@code reference} for {@code providerId}.
   *
   * @throws ConfigException when the reference is unsupported or the variable is unset
   */
  public String resolve(String providerId, String reference) {
    if (reference.startsWith("file:") && reference.length() > 5) {
      try {
        return java.nio.file.Files.readString(java.nio.file.Path.of(reference.substring(5)))
            .strip();
      } catch (java.io.IOException e) {
        throw new ConfigException(
            "provider " + providerId + ": cannot read credential file " + reference.substring(5));
      }
    }
    if (!reference.startsWith("env:") || reference.length() == 4) {
      throw new ConfigException(
          "provider "
              + providerId
              + ": credential must be env:NAME"
              + " or file:PATH (the keystore chain arrives later), was a reference of another form");
    }
    String name = reference.substring(4);
    String value = environment.get(name);
    if (value == null || value.isBlank()) {
      throw new ConfigException(
          "provider " + providerId + ": environment variable " + name + " is not set");
    }
    return value;
  }
}
