package io.sovereignrouter.policy;

/**
 * What a catalog model can do.
 *
 * @param tools supports tool calls
 * @param jsonMode supports JSON mode
 * @param vision accepts image parts
 * @param contextLength its context window in tokens
 */
public record Capabilities(boolean tools, boolean jsonMode, boolean vision, long contextLength) {

  /** Validates. */
  public Capabilities {
    if (contextLength < 0) {
      throw new IllegalArgumentException("contextLength: expected >= 0, got " + contextLength);
    }
  }
}
