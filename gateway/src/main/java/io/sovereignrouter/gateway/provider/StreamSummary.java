package io.sovereignrouter.gateway.provider;

/**
 * What a finished stream carried.
 *
 * @param chunks number of chunks forwarded
 */
public record StreamSummary(int chunks) {}
