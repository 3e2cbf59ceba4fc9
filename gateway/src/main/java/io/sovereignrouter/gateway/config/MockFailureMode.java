package io.sovereignrouter.gateway.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How an injected mock failure presents itself to the gateway. */
public enum MockFailureMode {
  /** Answer with {@code failure-status} and an OpenAI-shaped error before any byte. */
  @JsonProperty("status")
  STATUS,
  /** Never answer; the first-byte timeout fires. */
  @JsonProperty("timeout")
  TIMEOUT,
  /** Stream half the reply, then break the stream. */
  @JsonProperty("mid-stream")
  MID_STREAM
}
