package io.sovereignrouter.sdk.admin;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One model of a {@link ProviderSpec}: the id clients ask for, and optionally the provider's own
 * id, kind, pricing and token limits. Immutable; each method returns a new spec.
 */
public final class ProviderModelSpec {
  private final Map<String, Object> fields;

  private ProviderModelSpec(Map<String, Object> fields) {
    this.fields = fields;
  }

  /**
   * A chat model.
   *
   * @param id the model id clients use
   * @return the spec
   */
  public static ProviderModelSpec chat(String id) {
    return new ProviderModelSpec(Map.of("id", Objects.requireNonNull(id, "id")));
  }

  /**
   * An embedding model.
   *
   * @param id the model id clients use
   * @return the spec
   */
  public static ProviderModelSpec embedding(String id) {
    return chat(id).with("kind", "embedding");
  }

  private ProviderModelSpec with(String name, Object value) {
    Map<String, Object> next = new LinkedHashMap<>(fields);
    next.put(name, Objects.requireNonNull(value, name));
    return new ProviderModelSpec(next);
  }

  /**
   * The provider's own model id, when it differs.
   *
   * @param upstream the upstream id
   * @return a new spec
   */
  public ProviderModelSpec upstream(String upstream) {
    return with("upstream", upstream);
  }

  /**
   * The owner shown in {@code GET /v1/models}.
   *
   * @param ownedBy the owner
   * @return a new spec
   */
  public ProviderModelSpec ownedBy(String ownedBy) {
    return with("owned_by", ownedBy);
  }

  /**
   * Prices in US dollars per million tokens (what spend caps charge).
   *
   * @param inputPerMillion prompt tokens
   * @param outputPerMillion completion tokens
   * @return a new spec
   */
  public ProviderModelSpec pricing(BigDecimal inputPerMillion, BigDecimal outputPerMillion) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("input_per_million", Objects.requireNonNull(inputPerMillion));
    p.put("output_per_million", Objects.requireNonNull(outputPerMillion));
    return with("pricing", p);
  }

  /**
   * The model's context length in tokens.
   *
   * @param tokens the context length
   * @return a new spec
   */
  public ProviderModelSpec contextLength(int tokens) {
    return with("context_length", tokens);
  }

  /**
   * The most output tokens a call may produce (what admission holds against a cap).
   *
   * @param tokens the limit
   * @return a new spec
   */
  public ProviderModelSpec maxOutputTokens(int tokens) {
    return with("max_output_tokens", tokens);
  }

  /** The JSON members, in the order set. */
  Map<String, Object> wire() {
    return Collections.unmodifiableMap(fields);
  }

  @Override
  public String toString() {
    return "ProviderModelSpec" + fields;
  }
}
