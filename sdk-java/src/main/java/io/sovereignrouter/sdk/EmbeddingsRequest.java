package io.sovereignrouter.sdk;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An embeddings request: model, input texts and any other OpenAI parameter ({@code dimensions},
 * {@code encoding_format}, {@code user}).
 *
 * @param model embedding model id
 * @param input the texts (at least one)
 * @param parameters other request members by OpenAI name (Jackson-mappable values)
 */
public record EmbeddingsRequest(String model, List<String> input, Map<String, Object> parameters) {
  private static final Set<String> RESERVED = Set.of("model", "input");

  /**
   * Validates and copies.
   *
   * @throws IllegalArgumentException if there is no input or a parameter is reserved
   */
  public EmbeddingsRequest {
    Objects.requireNonNull(model, "model");
    input = List.copyOf(input);
    parameters = Map.copyOf(parameters);
    if (input.isEmpty()) {
      throw new IllegalArgumentException("an embeddings request needs at least one input");
    }
    for (String name : parameters.keySet()) {
      if (RESERVED.contains(name)) {
        throw new IllegalArgumentException(name + " is not a free parameter");
      }
    }
  }

  /**
   * A request with no extra parameters.
   *
   * @param model embedding model id
   * @param input the texts
   * @return the request
   */
  public static EmbeddingsRequest of(String model, String... input) {
    return new EmbeddingsRequest(model, List.of(input), Map.of());
  }

  /**
   * A copy with one more parameter.
   *
   * @param name OpenAI parameter name, e.g. {@code dimensions}
   * @param value a Jackson-mappable value
   * @return the new request
   */
  public EmbeddingsRequest withParameter(String name, Object value) {
    Map<String, Object> more = new LinkedHashMap<>(parameters);
    more.put(name, value);
    return new EmbeddingsRequest(model, input, more);
  }

  /** Prints sizes only: inputs may be sensitive. */
  @Override
  public String toString() {
    return "EmbeddingsRequest[model=" + model + ", inputs=" + input.size() + "]";
  }
}
