package io.sovereignrouter.keystore;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Secrets from environment variables. A bare name maps to a variable by {@link #variableFor}:
 * {@code openai-key} → {@code OPENAI_KEY}.
 */
public final class EnvSecretSource implements SecretSource {
  private static final Pattern VARIABLE = Pattern.compile("[A-Z_][A-Z0-9_]*");

  private final Map<String, String> env;

  private EnvSecretSource(Map<String, String> env) {
    this.env = Map.copyOf(env);
  }

  /**
   * A source over a fixed environment (tests, or a snapshot taken at startup).
   *
   * @param env variable name to value
   * @return the source
   */
  public static EnvSecretSource of(Map<String, String> env) {
    return new EnvSecretSource(env);
  }

  /**
   * A source over this process's environment.
   *
   * @return the source
   */
  public static EnvSecretSource system() {
    return new EnvSecretSource(System.getenv());
  }

  /**
   * The variable a bare name maps to: upper-cased, {@code .} and {@code -} become {@code _}.
   *
   * @param name a bare secret name
   * @return the variable name, or empty when the name maps to no valid variable (leading digit)
   */
  public static Optional<String> variableFor(String name) {
    String v = name.toUpperCase(Locale.ROOT).replace('-', '_').replace('.', '_');
    return VARIABLE.matcher(v).matches() ? Optional.of(v) : Optional.empty();
  }

  @Override
  public Optional<byte[]> lookup(String variable) {
    String value = env.get(variable);
    return value == null || value.isEmpty()
        ? Optional.empty()
        : Optional.of(value.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    return "EnvSecretSource[" + env.size() + " variables]";
  }
}
