package io.sovereignrouter.gateway.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Which OpenAI endpoint a model serves. */
public enum ModelKind {
  /** {@code POST /v1/chat/completions}. */
  @JsonProperty("chat")
  CHAT,
  /** {@code POST /v1/embeddings}. */
  @JsonProperty("embedding")
  EMBEDDING
}
