package io.sovereignrouter.gateway.config;

/**
 * Google Cloud settings of a {@code vertex} provider.
 *
 * @param project project id
 * @param location region, e.g. {@code europe-west4}
 * @param credentials reference to a service-account JSON ({@code file:NAME} keystore entry or
 *     {@code env:NAME} holding the JSON), never the JSON itself
 */
public record GcpConfig(String project, String location, String credentials) {
  /** Validates. */
  public GcpConfig {
    if (project == null || !project.matches("[a-z][a-z0-9-]{4,61}[a-z0-9]")) {
      throw new ConfigException("gcp.project must be a Google Cloud project id, was " + project);
    }
    if (location == null || !location.matches("[a-z]+(-[a-z]+\\d*)*|global")) {
      throw new ConfigException("gcp.location must look like europe-west4, was " + location);
    }
    if (credentials == null || credentials.isBlank()) {
      throw new ConfigException(
          "gcp.credentials (file:NAME or env:NAME holding a service-account JSON) is required");
    }
  }
}
