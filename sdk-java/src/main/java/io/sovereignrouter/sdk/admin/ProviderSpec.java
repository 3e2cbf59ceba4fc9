package io.sovereignrouter.sdk.admin;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A provider to create or replace through the admin API: the config file's provider fields, in the
 * API's snake_case. The credential is a reference ({@code env:}, {@code file:}, {@code aws-kms:},
 * {@code gcp-kms:}), never the secret. Immutable; each method returns a new spec.
 *
 * <pre>{@code
 * ProviderSpec.of("vllm-a", "openai-compatible")
 *     .baseUrl("http://10.0.0.5:8000/v1")
 *     .credential("env:VLLM_KEY")
 *     .model(ProviderModelSpec.chat("llama").upstream("meta-llama/Llama-3.1-8B"))
 *     .section("timeouts", Map.of("first_byte_ms", 30000));
 * }</pre>
 */
public final class ProviderSpec {
  private final String id;
  private final Map<String, Object> fields;

  private ProviderSpec(String id, Map<String, Object> fields) {
    this.id = id;
    this.fields = fields;
  }

  /**
   * A provider with no models yet.
   *
   * @param id lower-case id, e.g. {@code vllm-a}
   * @param type adapter type: {@code mock}, {@code openai-compatible}, {@code openai}, {@code
   *     vllm}, {@code anthropic}, {@code bedrock}, {@code vertex} or {@code ollama}
   * @return the spec
   */
  public static ProviderSpec of(String id, String type) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("id", Objects.requireNonNull(id, "id"));
    f.put("type", Objects.requireNonNull(type, "type"));
    return new ProviderSpec(id, f);
  }

  private ProviderSpec with(String name, Object value) {
    Map<String, Object> next = new LinkedHashMap<>(fields);
    next.put(name, Objects.requireNonNull(value, name));
    return new ProviderSpec(id, next);
  }

  /**
   * The provider's id.
   *
   * @return the id
   */
  public String id() {
    return id;
  }

  /**
   * Whether it routes.
   *
   * @param enabled false to keep it configured but unused
   * @return a new spec
   */
  public ProviderSpec enabled(boolean enabled) {
    return with("enabled", enabled);
  }

  /**
   * Fallback priority (lower first).
   *
   * @param priority the priority
   * @return a new spec
   */
  public ProviderSpec priority(int priority) {
    return with("priority", priority);
  }

  /**
   * Whether models are discovered from the provider (vLLM, Ollama).
   *
   * @param discover true to discover
   * @return a new spec
   */
  public ProviderSpec discover(boolean discover) {
    return with("discover", discover);
  }

  /**
   * The upstream base URL.
   *
   * @param baseUrl the URL
   * @return a new spec
   */
  public ProviderSpec baseUrl(String baseUrl) {
    return with("base_url", baseUrl);
  }

  /**
   * The credential reference.
   *
   * @param reference {@code env:NAME}, {@code file:NAME}, {@code aws-kms:…} or {@code gcp-kms:…}
   * @return a new spec
   */
  public ProviderSpec credential(String reference) {
    return with("credential", reference);
  }

  /**
   * An extra header sent upstream.
   *
   * @param name header name
   * @param value header value
   * @return a new spec
   */
  @SuppressWarnings("unchecked") // only this class puts "headers", always a Map<String, Object>
  public ProviderSpec header(String name, String value) {
    Map<String, Object> headers =
        new LinkedHashMap<>((Map<String, Object>) fields.getOrDefault("headers", Map.of()));
    headers.put(Objects.requireNonNull(name), Objects.requireNonNull(value));
    return with("headers", headers);
  }

  /**
   * A model it serves.
   *
   * @param model the model
   * @return a new spec
   */
  @SuppressWarnings(
      "unchecked") // only this class puts "models", always a List<Map<String, Object>>
  public ProviderSpec model(ProviderModelSpec model) {
    List<Object> models = new ArrayList<>((List<Object>) fields.getOrDefault("models", List.of()));
    models.add(model.wire());
    return with("models", models);
  }

  /**
   * A type-specific section as in the config file, keys in snake_case: {@code timeouts}, {@code
   * mock}, {@code aws} or {@code gcp}.
   *
   * @param name the section
   * @param values its members (strings, numbers, booleans, lists, maps)
   * @return a new spec
   */
  public ProviderSpec section(String name, Map<String, ?> values) {
    return with(name, Map.copyOf(values));
  }

  /** The JSON members, in the order set. */
  Map<String, Object> wire() {
    return Collections.unmodifiableMap(fields);
  }

  @Override
  public String toString() {
    return "ProviderSpec[" + id + "]";
  }
}
