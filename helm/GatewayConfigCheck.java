/*
 * Feeds the gateway config file the chart rendered to the gateway's own parser
 * (io.sovereignrouter.gateway.config.ConfigLoader: unknown keys, bad values and missing required
 * keys are errors there), so a key typo in the chart fails CI instead of a pod start.
 *
 * Usage (run by `./sovereign deploy-checks` on every `helm template` output of the CI matrix):
 *
 *   java -cp gateway/target/sovereign-gateway.jar helm/GatewayConfigCheck.java RENDERED.yaml...
 *
 * A rendered file without a ConfigMap (existingConfigMap) is reported and skipped. Exit 1 on the
 * first file whose config does not parse.
 */
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.sovereignrouter.gateway.config.ConfigException;
import io.sovereignrouter.gateway.config.ConfigLoader;
import io.sovereignrouter.gateway.config.GatewayConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

public final class GatewayConfigCheck {
  private GatewayConfigCheck() {}

  public static void main(String[] args) throws IOException {
    int failures = 0;
    YAMLMapper yaml = new YAMLMapper();
    for (String arg : args) {
      String config = null;
      try (MappingIterator<JsonNode> docs = yaml.readerFor(JsonNode.class).readValues(Path.of(arg).toFile())) {
        while (docs.hasNext()) {
          JsonNode doc = docs.next();
          if (doc != null && "ConfigMap".equals(doc.path("kind").asText())
              && doc.path("data").has("config.yaml")) {
            config = doc.path("data").path("config.yaml").asText();
          }
        }
      }
      if (config == null) {
        System.out.println(arg + ": no gateway ConfigMap rendered (existingConfigMap), skipped");
        continue;
      }
      Path file = Files.createTempFile("sovereign-chart-config", ".yaml");
      try {
        Files.writeString(file, config);
        GatewayConfig parsed = ConfigLoader.load(file);
        System.out.printf(
            "%s: config parses: storage=%s%s rate-limits=%s policy=%s providers=%d%n",
            arg,
            parsed.storage().backend(),
            parsed.storage().postgresConfig().map(p -> " (" + p + ")").orElse(""),
            parsed.rateLimits().backend(),
            parsed.policy().engine(),
            parsed.providers().size());
      } catch (ConfigException e) {
        System.out.println(arg + ": the gateway refuses the rendered config: " + e.getMessage());
        failures++;
      } finally {
        Files.deleteIfExists(file);
      }
    }
    System.exit(failures == 0 ? 0 : 1);
  }
}
