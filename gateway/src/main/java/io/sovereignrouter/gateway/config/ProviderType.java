package io.sovereignrouter.gateway.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The closed set of adapter kinds; each maps to one adapter class. */
public enum ProviderType {
  /** In-process deterministic provider for demos, tests and benchmarks. */
  @JsonProperty("mock")
  MOCK,
  /** Any server speaking the OpenAI HTTP API (OpenAI, vLLM, LM Studio, ...). */
  @JsonProperty("openai-compatible")
  OPENAI_COMPATIBLE,
  /** api.openai.com: OpenAI-compatible with default base URL and organization/project headers. */
  @JsonProperty("openai")
  OPENAI,
  /** A vLLM server: OpenAI-compatible, models discovered from {@code /v1/models} by default. */
  @JsonProperty("vllm")
  VLLM,
  /** Anthropic Messages API. */
  @JsonProperty("anthropic")
  ANTHROPIC,
  /** Ollama's native API ({@code /api/chat}, {@code /api/embed}). */
  @JsonProperty("ollama")
  OLLAMA,
  /** AWS Bedrock Runtime Converse / ConverseStream, SigV4-signed. */
  @JsonProperty("bedrock")
  BEDROCK,
  /** Vertex AI: Gemini generateContent and Anthropic-on-Vertex rawPredict, OAuth2 bearer. */
  @JsonProperty("vertex")
  VERTEX
}
