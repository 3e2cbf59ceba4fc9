package io.sovereignrouter.policy;

/**
 * Capabilities a request needs. A candidate lacking any of them is excluded before any scoring.
 *
 * @param tools the request carries tools or tool results
 * @param jsonMode the request asks for JSON mode ({@code response_format})
 * @param vision the request carries image parts
 * @param contextTokens the context window the request needs (prompt estimate plus {@code
 *     max_tokens})
 */
public record Needs(boolean tools, boolean jsonMode, boolean vision, long contextTokens) {

  /** Validates. */
  public Needs {
    if (contextTokens < 0) {
      throw new IllegalArgumentException("contextTokens: expected >= 0, got " + contextTokens);
    }
  }
}
