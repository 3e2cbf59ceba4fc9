package io.sovereignrouter.gateway.config;

import io.sovereignrouter.keystore.KekSpec;
import io.sovereignrouter.keystore.KeystoreException;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * The keystore chain ({@code keystore}): where the local keystore's KEK comes from, the KMS clients
 * that serve {@code aws-kms:}/{@code gcp-kms:} references and KMS-held KEKs, and how long resolved
 * plaintext stays cached.
 *
 * @param kek the KEK spec: {@code env} (default: {@code SOVEREIGN_ENCRYPTION_KEY} or {@code
 *     SOVEREIGN_ENCRYPTION_KEY_FILE}), {@code file:PATH}, {@code aws-kms:KEY-ID} or {@code
 *     gcp-kms:projects/…/cryptoKeys/K}
 * @param awsKms the AWS KMS client, when AWS KMS is used
 * @param gcpKms the Cloud KMS client, when Cloud KMS is used
 * @param cacheTtlMs how long resolved plaintext stays in memory (default 300000)
 */
public record KeystoreConfig(String kek, AwsKms awsKms, GcpKms gcpKms, Long cacheTtlMs) {
  /** KEK from the environment, no KMS, 5 minute cache. */
  public static final KeystoreConfig DEFAULT = new KeystoreConfig(null, null, null, null);

  /**
   * AWS KMS client ({@code keystore.aws-kms}). Credentials come from {@code AWS_ACCESS_KEY_ID} /
   * {@code AWS_SECRET_ACCESS_KEY} / {@code AWS_SESSION_TOKEN} in the gateway's environment, else
   * the SDK's default chain (instance profile, IRSA, profiles).
   *
   * @param region signing region (required)
   * @param endpoint endpoint override (VPC or FIPS endpoint, an emulator), optional
   */
  public record AwsKms(String region, URI endpoint) {
    /** Checks the region. */
    public AwsKms {
      if (region == null || region.isBlank()) {
        throw new ConfigException("keystore.aws-kms.region is required");
      }
    }

    /**
     * The endpoint override.
     *
     * @return the endpoint, empty for AWS's regional endpoint
     */
    public Optional<URI> endpointOverride() {
      return Optional.ofNullable(endpoint);
    }
  }

  /**
   * Cloud KMS client ({@code keystore.gcp-kms}). Credentials are Application Default Credentials.
   *
   * @param endpoint {@code host:port} (default {@code cloudkms.googleapis.com:443})
   * @param plaintext dial without TLS and without credentials: only for a loopback emulator
   */
  public record GcpKms(String endpoint, Boolean plaintext) {
    /** Fills defaults. */
    public GcpKms {
      endpoint = Objects.requireNonNullElse(endpoint, "cloudkms.googleapis.com:443");
      plaintext = Objects.requireNonNullElse(plaintext, false);
      if (endpoint.isBlank()) {
        throw new ConfigException("keystore.gcp-kms.endpoint must not be blank");
      }
    }
  }

  /** Fills defaults and checks the KEK spec; errors name the key. */
  public KeystoreConfig {
    kek = Objects.requireNonNullElse(kek, "env");
    cacheTtlMs = Objects.requireNonNullElse(cacheTtlMs, 300_000L);
    if (cacheTtlMs <= 0) {
      throw new ConfigException("keystore.cache-ttl-ms must be positive, was " + cacheTtlMs);
    }
    KekSpec spec;
    try {
      spec = KekSpec.parse(kek);
    } catch (KeystoreException e) {
      throw new ConfigException("keystore.kek: " + e.getMessage());
    }
    if (spec instanceof KekSpec.FromAwsKms && awsKms == null) {
      throw new ConfigException("keystore.kek is an aws-kms key: keystore.aws-kms is required");
    }
    if (spec instanceof KekSpec.FromGcpKms && gcpKms == null) {
      throw new ConfigException("keystore.kek is a gcp-kms key: keystore.gcp-kms is required");
    }
  }

  /**
   * The parsed KEK spec.
   *
   * @return the spec
   */
  public KekSpec kekSpec() {
    return KekSpec.parse(kek);
  }

  /**
   * The AWS KMS client settings.
   *
   * @return the settings, empty when AWS KMS is not configured
   */
  public Optional<AwsKms> aws() {
    return Optional.ofNullable(awsKms);
  }

  /**
   * The Cloud KMS client settings.
   *
   * @return the settings, empty when Cloud KMS is not configured
   */
  public Optional<GcpKms> gcp() {
    return Optional.ofNullable(gcpKms);
  }
}
