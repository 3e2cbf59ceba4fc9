package io.sovereignrouter.gateway.config;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One upstream provider.
 *
 * @param id unique name, shown in {@code X-SF-Provider}
 * @param type adapter kind
 * @param enabled disabled providers are loaded but never routed to
 * @param priority lower is preferred among providers the policy prefers equally (an input of the
 *     policy's chain rank); within one rank, healthier providers go first
 * @param discover at start, add the models the provider lists ({@code /models}, {@code /api/tags})
 * @param baseUrl API root including the version segment, e.g. {@code https://api.openai.com/v1}
 * @param credential reference to the API key, e.g. {@code env:OPENAI_API_KEY}; never the key itself
 * @param headers extra non-secret headers sent upstream (e.g. {@code OpenAI-Organization})
 * @param models models served, in preference order when several providers serve one id
 * @param timeouts connect, first-byte and total deadlines
 * @param mock settings of the {@code mock} adapter
 * @param aws region and credential references of the {@code bedrock} adapter
 * @param gcp project, location and service-account reference of the {@code vertex} adapter
 * @param organization {@code OpenAI-Organization} header of the {@code openai} adapter
 * @param project {@code OpenAI-Project} header of the {@code openai} adapter
 */
public record ProviderConfig(
    String id,
    ProviderType type,
    Boolean enabled,
    Integer priority,
    Boolean discover,
    String baseUrl,
    String credential,
    Map<String, String> headers,
    List<ModelConfig> models,
    TimeoutConfig timeouts,
    MockConfig mock,
    AwsConfig aws,
    GcpConfig gcp,
    String organization,
    String project) {

  /** Fills defaults and checks that each type has what it needs. */
  public ProviderConfig {
    if (id == null || !id.matches("[a-z0-9][a-z0-9._-]{0,62}")) {
      throw new ConfigException("provider id must match [a-z0-9][a-z0-9._-]{0,62}, was " + id);
    }
    Objects.requireNonNull(type, () -> "provider " + id + ": type is required");
    enabled = Objects.requireNonNullElse(enabled, Boolean.TRUE);
    priority = Objects.requireNonNullElse(priority, 0);
    discover = Objects.requireNonNullElse(discover, type == ProviderType.VLLM);
    headers = Map.copyOf(Objects.requireNonNullElse(headers, Map.of()));
    if (type == ProviderType.OPENAI) {
      java.util.Map<String, String> withIds = new java.util.LinkedHashMap<>(headers);
      if (organization != null) {
        withIds.put("OpenAI-Organization", organization);
      }
      if (project != null) {
        withIds.put("OpenAI-Project", project);
      }
      headers = Map.copyOf(withIds);
      if (baseUrl == null || baseUrl.isBlank()) {
        baseUrl = "https://api.openai.com/v1";
      }
    }
    models = List.copyOf(Objects.requireNonNullElse(models, List.of()));
    timeouts = Objects.requireNonNullElse(timeouts, TimeoutConfig.DEFAULT);
    mock = Objects.requireNonNullElse(mock, MockConfig.DEFAULT);
    if (type == ProviderType.BEDROCK) {
      if (aws == null) {
        throw new ConfigException(
            "provider " + id + ": bedrock needs an aws section (region, credentials)");
      }
      if (baseUrl == null || baseUrl.isBlank()) {
        baseUrl = "https://bedrock-runtime." + aws.region() + ".amazonaws.com";
      }
    }
    if (type == ProviderType.VERTEX) {
      if (gcp == null) {
        throw new ConfigException(
            "provider " + id + ": vertex needs a gcp section (project, location, credentials)");
      }
      if (baseUrl == null || baseUrl.isBlank()) {
        baseUrl =
            gcp.location().equals("global")
                ? "https://aiplatform.googleapis.com"
                : "https://" + gcp.location() + "-aiplatform.googleapis.com";
      }
    }
    if (type != ProviderType.MOCK && (baseUrl == null || baseUrl.isBlank())) {
      throw new ConfigException(
          "provider "
              + id
              + ": base-url is required for "
              + type.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
    }
    if (type == ProviderType.ANTHROPIC && credential == null) {
      throw new ConfigException(
          "provider " + id + ": anthropic needs a credential (e.g. env:ANTHROPIC_API_KEY)");
    }
    if (type == ProviderType.ANTHROPIC
        && models.stream().anyMatch(m -> m.kind() == ModelKind.EMBEDDING)) {
      throw new ConfigException("provider " + id + ": anthropic serves no embedding models");
    }
  }

  /** Whether requests may be routed here. */
  public boolean isEnabled() {
    return enabled;
  }

  /** The credential reference, when one is configured. */
  public Optional<String> credentialRef() {
    return Optional.ofNullable(credential).filter(s -> !s.isBlank());
  }
}
