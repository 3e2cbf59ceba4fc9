package io.sovereignrouter.sdk;

/**
 * Token usage of one call.
 *
 * @param promptTokens tokens in the request
 * @param completionTokens tokens generated (0 for embeddings)
 * @param totalTokens their sum, as reported
 */
public record Usage(long promptTokens, long completionTokens, long totalTokens) {}
