package io.sovereignrouter.gateway.config;

import java.util.Objects;

/**
 * Behaviour of the mock adapter; every setting is optional (defaults: no latency, 16-token replies,
 * 256-dimension vectors, no failures). Everything is deterministic: replies derive from the request
 * and injected failures from a seeded generator.
 *
 * @param firstTokenMs delay before the first token (and before a non-streaming reply)
 * @param tokenIntervalMs delay between streamed tokens
 * @param replyTokens reply length when the request sets no lower {@code max_tokens}
 * @param embeddingDimensions vector length when the request sets no {@code dimensions}
 * @param failureRate fraction of calls that fail, 0..1
 * @param failureMode how an injected failure looks
 * @param failureStatus HTTP status of a {@code status} failure
 * @param failureSeed seed of the failure generator
 */
public record MockConfig(
    Long firstTokenMs,
    Long tokenIntervalMs,
    Integer replyTokens,
    Integer embeddingDimensions,
    Double failureRate,
    MockFailureMode failureMode,
    Integer failureStatus,
    Long failureSeed) {

  /** All defaults. */
  public static final MockConfig DEFAULT =
      new MockConfig(null, null, null, null, null, null, null, null);

  /** Fills unset settings with the defaults above, then checks ranges. */
  public MockConfig {
    firstTokenMs = Objects.requireNonNullElse(firstTokenMs, 0L);
    tokenIntervalMs = Objects.requireNonNullElse(tokenIntervalMs, 0L);
    replyTokens = Objects.requireNonNullElse(replyTokens, 16);
    embeddingDimensions = Objects.requireNonNullElse(embeddingDimensions, 256);
    failureRate = Objects.requireNonNullElse(failureRate, 0.0);
    failureStatus = Objects.requireNonNullElse(failureStatus, 503);
    failureSeed = Objects.requireNonNullElse(failureSeed, 42L);
    if (firstTokenMs < 0 || tokenIntervalMs < 0) {
      throw new ConfigException("mock latencies must be >= 0");
    }
    if (replyTokens < 1 || replyTokens > 100_000) {
      throw new ConfigException("mock.reply-tokens must be in 1..100000, was " + replyTokens);
    }
    if (embeddingDimensions < 1 || embeddingDimensions > 8192) {
      throw new ConfigException(
          "mock.embedding-dimensions must be in 1..8192, was " + embeddingDimensions);
    }
    if (!(failureRate >= 0.0 && failureRate <= 1.0)) {
      throw new ConfigException("mock.failure-rate must be in 0..1, was " + failureRate);
    }
    failureMode = Objects.requireNonNullElse(failureMode, MockFailureMode.STATUS);
    if (failureStatus < 400 || failureStatus > 599) {
      throw new ConfigException("mock.failure-status must be in 400..599, was " + failureStatus);
    }
  }
}
