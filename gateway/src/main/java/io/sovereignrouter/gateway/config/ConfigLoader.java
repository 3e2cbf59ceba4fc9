package io.sovereignrouter.gateway.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads {@link GatewayConfig} from YAML or JSON. Unknown keys are errors, so a typo in a config
 * file fails the start instead of being silently ignored.
 */
public final class ConfigLoader {
  /** Classpath resource holding the embedded defaults used by {@code ./sovereign up}. */
  public static final String DEFAULT_RESOURCE = "/sovereign-default.yaml";

  private static final ObjectMapper YAML = configure(new YAMLMapper(new YAMLFactory()));
  private static final ObjectMapper JSON = configure(new JsonMapper());

  private ConfigLoader() {}

  private static ObjectMapper configure(ObjectMapper mapper) {
    return mapper
        .setPropertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
  }

  /** Loads the embedded defaults. */
  public static GatewayConfig defaults() {
    try (InputStream in = ConfigLoader.class.getResourceAsStream(DEFAULT_RESOURCE)) {
      if (in == null) {
        throw new ConfigException(
            "embedded defaults " + DEFAULT_RESOURCE + " missing from the jar");
      }
      return read(YAML, in.readAllBytes(), DEFAULT_RESOURCE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Loads a config file; {@code .json} files are parsed as JSON, everything else as YAML.
   *
   * @throws ConfigException when the file is missing, malformed or invalid
   */
  public static GatewayConfig load(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new ConfigException("cannot read config file " + file + ": " + e.getMessage(), e);
    }
    ObjectMapper mapper = file.getFileName().toString().endsWith(".json") ? JSON : YAML;
    return read(mapper, bytes, file.toString());
  }

  /** Parses YAML text (tests and embedded configs). */
  public static GatewayConfig parseYaml(String yaml) {
    return read(YAML, yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8), "<yaml>");
  }

  /**
   * Parses one provider in the config file's JSON form (kebab-case keys), with every check a config
   * file gets.
   *
   * @throws ConfigException naming the offending key
   */
  public static ProviderConfig provider(String json) {
    try {
      return JSON.readValue(json, ProviderConfig.class);
    } catch (JsonMappingException e) {
      if (e.getCause() instanceof ConfigException ce) {
        throw ce;
      }
      throw new ConfigException(e.getOriginalMessage() + " at " + e.getPathReference(), e);
    } catch (IOException e) {
      throw new ConfigException(e.getMessage(), e);
    }
  }

  /** Renders a provider in the config file's JSON form (what {@link #provider} reads). */
  public static String providerJson(ProviderConfig provider) {
    try {
      return JSON.writeValueAsString(provider);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static GatewayConfig read(ObjectMapper mapper, byte[] bytes, String source) {
    try {
      return mapper.readValue(bytes, GatewayConfig.class);
    } catch (JsonMappingException e) {
      if (e.getCause() instanceof ConfigException ce) {
        throw new ConfigException(source + ": " + ce.getMessage(), ce);
      }
      throw new ConfigException(
          source + ": " + e.getOriginalMessage() + " at " + e.getPathReference(), e);
    } catch (IOException e) {
      throw new ConfigException(source + ": " + e.getMessage(), e);
    }
  }
}
