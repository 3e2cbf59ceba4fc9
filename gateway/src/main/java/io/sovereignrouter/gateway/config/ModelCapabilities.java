package io.sovereignrouter.gateway.config;

import java.util.Objects;

/**
 * What a model can do, for the policy's hard filters (the context window is {@link
 * ModelConfig#contextLength()}).
 *
 * @param tools function/tool calling
 * @param jsonMode {@code response_format} JSON object/schema
 * @param vision image inputs
 */
public record ModelCapabilities(Boolean tools, Boolean jsonMode, Boolean vision) {
  /** Text chat with tools and JSON mode, no vision. */
  public static final ModelCapabilities DEFAULT = new ModelCapabilities(true, true, false);

  /** Fills defaults. */
  public ModelCapabilities {
    tools = Objects.requireNonNullElse(tools, true);
    jsonMode = Objects.requireNonNullElse(jsonMode, true);
    vision = Objects.requireNonNullElse(vision, false);
  }
}
