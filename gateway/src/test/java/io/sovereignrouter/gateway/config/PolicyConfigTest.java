package io.sovereignrouter.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.net.URI;
import org.junit.jupiter.api.Test;

/**
 * The {@code policy} section, read with the settings {@link ConfigLoader} uses (kebab-case, unknown
 * keys rejected); it is wired into {@link GatewayConfig} separately.
 */
class PolicyConfigTest {
  private static final ObjectMapper YAML =
      new YAMLMapper()
          .setPropertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);

  private static PolicyConfig parse(String yaml) throws Exception {
    return YAML.readValue(yaml, PolicyConfig.class);
  }

  @Test
  void defaults_embedded() throws Exception {
    PolicyConfig c = parse("{}");
    assertThat(c).isEqualTo(PolicyConfig.DEFAULT);
    assertThat(c.engine()).isEqualTo(PolicyConfig.Engine.EMBEDDED);
    assertThat(c.timeoutMs()).isEqualTo(1_000L);
    assertThat(c.poolSize()).isGreaterThanOrEqualTo(1);
    assertThat(c.decisionCacheSize()).isEqualTo(1024);
    assertThat(c.server()).isEmpty();
  }

  @Test
  void parse_serverEngine_allKeys() throws Exception {
    PolicyConfig c =
        parse(
            """
            engine: server
            server-url: http://127.0.0.1:8181
            timeout-ms: 250
            pool-size: 3
            decision-cache-size: 0
            """);
    assertThat(c.engine()).isEqualTo(PolicyConfig.Engine.SERVER);
    assertThat(c.server()).contains(URI.create("http://127.0.0.1:8181"));
    assertThat(c.timeoutMs()).isEqualTo(250L);
    assertThat(c.poolSize()).isEqualTo(3);
    assertThat(c.decisionCacheSize()).isZero();
  }

  @Test
  void parse_serverWithoutUrl_rejected() {
    assertThatThrownBy(() -> parse("engine: server\n"))
        .hasRootCauseInstanceOf(ConfigException.class)
        .rootCause()
        .hasMessageContaining("policy.server-url is required");
  }

  @Test
  void parse_badUrl_rejected() {
    for (String url : new String[] {"ftp://opa:8181", "http://opa:8181/?x=1", "opa:8181"}) {
      assertThatThrownBy(() -> parse("engine: server\nserver-url: \"" + url + "\"\n"))
          .as(url)
          .hasRootCauseInstanceOf(ConfigException.class);
    }
  }

  @Test
  void parse_unknownKeyOrEngine_rejected() {
    assertThatThrownBy(() -> parse("engine: embedded\nserver-uri: http://x\n"))
        .isInstanceOf(UnrecognizedPropertyException.class)
        .hasMessageContaining("server-uri");
    assertThatThrownBy(() -> parse("engine: wasm\n")).hasMessageContaining("wasm");
  }

  @Test
  void new_nonPositiveLimits_rejected() {
    assertThatThrownBy(() -> new PolicyConfig(null, null, 0L, null, null))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("timeout-ms");
    assertThatThrownBy(() -> new PolicyConfig(null, null, null, 0, null))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("pool-size");
    assertThatThrownBy(() -> new PolicyConfig(null, null, null, null, -1))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("decision-cache-size");
  }
}
