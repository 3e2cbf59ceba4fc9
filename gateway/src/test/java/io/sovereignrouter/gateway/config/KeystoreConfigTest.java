package io.sovereignrouter.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sovereignrouter.keystore.KekSpec;
import java.net.URI;
import org.junit.jupiter.api.Test;

class KeystoreConfigTest {
  @Test
  void absent_defaultsToEnvKekAndFiveMinuteCache() {
    KeystoreConfig k = ConfigLoader.parseYaml("providers: []\n").keystore();
    assertThat(k.kekSpec()).isEqualTo(new KekSpec.FromEnv());
    assertThat(k.cacheTtlMs()).isEqualTo(300_000L);
    assertThat(k.aws()).isEmpty();
    assertThat(k.gcp()).isEmpty();
  }

  @Test
  void kmsSections_parse() {
    KeystoreConfig k =
        ConfigLoader.parseYaml(
                """
                keystore:
                  kek: aws-kms:alias/sovereign
                  aws-kms: { region: eu-central-1, endpoint: "http://127.0.0.1:4566" }
                  gcp-kms: { endpoint: "127.0.0.1:9000", plaintext: true }
                  cache-ttl-ms: 1000
                """)
            .keystore();
    assertThat(k.kekSpec()).isEqualTo(new KekSpec.FromAwsKms("alias/sovereign"));
    assertThat(k.aws().orElseThrow().endpointOverride())
        .contains(URI.create("http://127.0.0.1:4566"));
    assertThat(k.gcp().orElseThrow().plaintext()).isTrue();
    assertThat(k.cacheTtlMs()).isEqualTo(1000L);
  }

  @Test
  void gcpDefaults_googleEndpointWithTls() {
    KeystoreConfig.GcpKms g = new KeystoreConfig.GcpKms(null, null);
    assertThat(g.endpoint()).isEqualTo("cloudkms.googleapis.com:443");
    assertThat(g.plaintext()).isFalse();
  }

  @Test
  void kmsKekWithoutItsClient_isRejected() {
    assertThatThrownBy(() -> ConfigLoader.parseYaml("keystore: { kek: \"aws-kms:alias/x\" }\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("keystore.aws-kms is required");
    assertThatThrownBy(
            () ->
                ConfigLoader.parseYaml(
                    "keystore: { kek: \"gcp-kms:projects/p/locations/l/keyRings/r/cryptoKeys/k\" }\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("keystore.gcp-kms is required");
  }

  @Test
  void malformedValues_nameTheKey() {
    assertThatThrownBy(() -> ConfigLoader.parseYaml("keystore: { kek: \"vault:x\" }\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("keystore.kek");
    assertThatThrownBy(() -> ConfigLoader.parseYaml("keystore: { cache-ttl-ms: 0 }\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("keystore.cache-ttl-ms");
    assertThatThrownBy(() -> ConfigLoader.parseYaml("keystore: { aws-kms: { endpoint: x } }\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("keystore.aws-kms.region");
    assertThatThrownBy(() -> ConfigLoader.parseYaml("keystore: { kek-spec: env }\n"))
        .isInstanceOf(ConfigException.class);
  }
}
