package io.sovereignrouter.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ConfigLoaderTest {

  @Test
  void defaults_loadMockAndDisabledOpenAi() {
    GatewayConfig config = ConfigLoader.defaults();
    assertThat(config.server().port()).isEqualTo(8080);
    assertThat(config.server().adminHost()).isEqualTo("127.0.0.1");
    assertThat(config.server().dataDir()).isEqualTo(Path.of(".sovereign"));
    assertThat(config.providers()).extracting(ProviderConfig::id).containsExactly("mock", "openai");
    assertThat(config.providers().get(0).models())
        .extracting(ModelConfig::id)
        .contains("mock-chat", "mock-embed");
    assertThat(config.providers().get(1).isEnabled()).isFalse();
    assertThat(config.providers().get(1).credentialRef()).contains("env:OPENAI_API_KEY");
  }

  @Test
  void parse_unknownKey_namesIt() {
    String yaml = base() + "  bogus-key: 1\n";
    assertThatThrownBy(() -> ConfigLoader.parseYaml(yaml))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("bogus-key");
  }

  @Test
  void parse_openAiCompatibleWithoutBaseUrl_rejected() {
    String yaml = base() + "providers:\n  - { id: up, type: openai-compatible }\n";
    assertThatThrownBy(() -> ConfigLoader.parseYaml(yaml))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("base-url is required");
  }

  @Test
  void parse_duplicateProviderIds_rejected() {
    String yaml = base() + "providers:\n  - { id: a, type: mock }\n  - { id: a, type: mock }\n";
    assertThatThrownBy(() -> ConfigLoader.parseYaml(yaml))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("unique");
  }

  @Test
  void parse_failureRateOutOfRange_rejected() {
    String yaml = base() + "providers:\n  - { id: a, type: mock, mock: { failure-rate: 1.5 } }\n";
    assertThatThrownBy(() -> ConfigLoader.parseYaml(yaml))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("failure-rate");
  }

  @Test
  void parse_modelDefaults_upstreamIsIdKindIsChat() {
    String yaml = base() + "providers:\n  - { id: a, type: mock, models: [ { id: m1 } ] }\n";
    ModelConfig model = ConfigLoader.parseYaml(yaml).providers().get(0).models().get(0);
    assertThat(model.upstream()).isEqualTo("m1");
    assertThat(model.kind()).isEqualTo(ModelKind.CHAT);
  }

  private static String base() {
    return "server: { host: 127.0.0.1, port: 0, admin-host: 127.0.0.1, admin-port: 0, data-dir: d,"
        + " body-limit-bytes: 4096, event-loops: 1 }\n";
  }
}
