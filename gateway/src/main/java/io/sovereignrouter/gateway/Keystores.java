package io.sovereignrouter.gateway;

import com.google.api.gax.core.NoCredentialsProvider;
import com.google.api.gax.grpc.InstantiatingGrpcChannelProvider;
import com.google.cloud.kms.v1.KeyManagementServiceSettings;
import io.sovereignrouter.gateway.config.KeystoreConfig;
import io.sovereignrouter.keystore.EnvSecretSource;
import io.sovereignrouter.keystore.FingerprintKeys;
import io.sovereignrouter.keystore.Fingerprinter;
import io.sovereignrouter.keystore.KekManifest;
import io.sovereignrouter.keystore.KekRing;
import io.sovereignrouter.keystore.KmsDriver;
import io.sovereignrouter.keystore.LocalFileKeystore;
import io.sovereignrouter.keystore.SecretResolver;
import io.sovereignrouter.keystore.aws.AwsKms;
import io.sovereignrouter.keystore.gcp.GcpKms;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * Opens the keystore chain of a data directory as configured in {@code keystore}: the encrypted
 * local keystore in {@code keystore/} (its KEK from {@code keystore.kek}: the environment, a key
 * file, or an AWS/GCP KMS key; KEKs a rotation recorded in {@code keystore/kek-manifest} are opened
 * on demand), then the environment, then KMS ({@code aws-kms:}/{@code gcp-kms:} references).
 * Fingerprints are keyed by {@code fingerprint.keys} (created 0600 on first start).
 */
final class Keystores {
  static final String LOCAL_DIR = "keystore";

  private Keystores() {}

  /**
   * The KMS clients {@code config} asks for; the caller closes them.
   *
   * @param config the keystore section
   * @param env the environment ({@code AWS_ACCESS_KEY_ID}, …)
   * @return the drivers, possibly none
   */
  static List<KmsDriver> drivers(KeystoreConfig config, Map<String, String> env) {
    List<KmsDriver> drivers = new ArrayList<>();
    config
        .aws()
        .ifPresent(
            aws ->
                drivers.add(
                    aws.endpointOverride()
                        .map(e -> AwsKms.connect(aws.region(), e, awsCredentials(env)))
                        .orElseGet(() -> AwsKms.connect(aws.region(), awsCredentials(env)))));
    config.gcp().ifPresent(gcp -> drivers.add(gcpKms(gcp)));
    return drivers;
  }

  /** Credentials from the gateway's environment map when set there, else the SDK's chain. */
  private static AwsCredentialsProvider awsCredentials(Map<String, String> env) {
    String id = env.get("AWS_ACCESS_KEY_ID");
    String secret = env.get("AWS_SECRET_ACCESS_KEY");
    if (id == null || secret == null) {
      return DefaultCredentialsProvider.builder().build();
    }
    String session = env.get("AWS_SESSION_TOKEN");
    return StaticCredentialsProvider.create(
        session == null
            ? AwsBasicCredentials.create(id, secret)
            : AwsSessionCredentials.create(id, secret, session));
  }

  private static GcpKms gcpKms(KeystoreConfig.GcpKms gcp) {
    KeyManagementServiceSettings.Builder settings =
        KeyManagementServiceSettings.newBuilder().setEndpoint(gcp.endpoint());
    if (gcp.plaintext()) {
      settings
          .setCredentialsProvider(NoCredentialsProvider.create())
          .setTransportChannelProvider(
              InstantiatingGrpcChannelProvider.newBuilder()
                  .setEndpoint(gcp.endpoint())
                  .setChannelConfigurator(b -> b.usePlaintext())
                  .build());
    }
    return GcpKms.create(settings, GcpKms.DEFAULT_TIMEOUT);
  }

  /**
   * The local keystore with the configured KEK (if it opens) and the KEKs of its manifest.
   *
   * @param dir the data directory
   * @param env the environment
   * @param config the keystore section
   * @param drivers the KMS clients
   * @return the keystore
   */
  static LocalFileKeystore local(
      DataDir dir, Map<String, String> env, KeystoreConfig config, List<KmsDriver> drivers) {
    java.nio.file.Path ks = dir.resolve(LOCAL_DIR);
    return LocalFileKeystore.open(
        ks,
        config.kekSpec().open(env, drivers).map(KekRing::of),
        KekManifest.loader(ks, env, drivers));
  }

  /**
   * The resolver: LocalFile → Env → KMS.
   *
   * @param dir the data directory
   * @param env the environment
   * @param config the keystore section
   * @param drivers the KMS clients (from {@link #drivers})
   * @return the resolver
   */
  static SecretResolver resolver(
      DataDir dir, Map<String, String> env, KeystoreConfig config, List<KmsDriver> drivers) {
    Fingerprinter fingerprinter = FingerprintKeys.loadOrCreate(dir.resolve("fingerprint.keys"));
    SecretResolver.Builder b =
        SecretResolver.builder(fingerprinter)
            .localFile(local(dir, env, config, drivers))
            .env(EnvSecretSource.of(env))
            .ttl(Duration.ofMillis(config.cacheTtlMs()));
    drivers.forEach(b::kms);
    return b.build();
  }
}
