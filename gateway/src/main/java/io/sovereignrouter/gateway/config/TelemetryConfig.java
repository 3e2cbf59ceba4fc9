package io.sovereignrouter.gateway.config;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * OpenTelemetry traces, off unless an OTLP endpoint is configured.
 *
 * @param otlpEndpoint OTLP/HTTP traces URL, e.g. {@code http://collector:4318/v1/traces}
 * @param serviceName the {@code service.name} resource attribute
 * @param sampleRatio fraction of requests traced, 0..1
 */
public record TelemetryConfig(String otlpEndpoint, String serviceName, Double sampleRatio) {
  /** Traces off. */
  public static final TelemetryConfig DEFAULT = new TelemetryConfig(null, null, null);

  /** Fills defaults and validates. */
  public TelemetryConfig {
    serviceName = Objects.requireNonNullElse(serviceName, "sovereign-router");
    sampleRatio = Objects.requireNonNullElse(sampleRatio, 1.0);
    if (sampleRatio < 0 || sampleRatio > 1) {
      throw new ConfigException("telemetry.sample-ratio must be in 0..1");
    }
    if (otlpEndpoint != null && !otlpEndpoint.matches("https?://\\S+")) {
      throw new ConfigException("telemetry.otlp-endpoint must be an http(s) URL");
    }
  }

  /** The endpoint, when traces are on. */
  public Optional<URI> endpoint() {
    return Optional.ofNullable(otlpEndpoint).map(URI::create);
  }
}
