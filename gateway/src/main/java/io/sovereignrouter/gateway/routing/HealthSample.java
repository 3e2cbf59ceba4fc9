package io.sovereignrouter.gateway.routing;

/**
 * One attempt as health sees it.
 *
 * @param success whether the provider served (client mistakes and cancellations are not samples)
 * @param ttfbMs time to first byte
 * @param totalMs total time
 * @param atMs wall-clock time of the attempt's end, epoch millis
 */
public record HealthSample(boolean success, long ttfbMs, long totalMs, long atMs) {}
