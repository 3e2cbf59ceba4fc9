package io.sovereignrouter.gateway.config;

import java.util.Optional;

/**
 * AWS settings of a {@code bedrock} provider. Credentials are references ({@code env:NAME}), never
 * values.
 *
 * @param region signing region, e.g. {@code us-east-1}
 * @param accessKeyId reference to the access key id
 * @param secretAccessKey reference to the secret access key
 * @param sessionToken reference to a session token (temporary credentials), optional
 */
public record AwsConfig(
    String region, String accessKeyId, String secretAccessKey, String sessionToken) {
  /** Validates. */
  public AwsConfig {
    if (region == null || !region.matches("[a-z]{2}(-[a-z]+)+-\\d")) {
      throw new ConfigException("aws.region must look like us-east-1, was " + region);
    }
    if (accessKeyId == null || secretAccessKey == null) {
      throw new ConfigException(
          "aws.access-key-id and aws.secret-access-key references are required");
    }
  }

  /** The session token reference, when configured. */
  public Optional<String> sessionTokenRef() {
    return Optional.ofNullable(sessionToken).filter(s -> !s.isBlank());
  }
}
