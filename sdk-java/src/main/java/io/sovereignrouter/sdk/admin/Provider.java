package io.sovereignrouter.sdk.admin;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A configured provider (credential references only, never values).
 *
 * @param id provider id
 * @param type adapter type, e.g. {@code openai-compatible}, {@code mock}
 * @param source {@code config} (from the config file) or {@code api} (managed through the admin
 *     API)
 * @param enabled whether it routes
 * @param priority fallback priority (lower first)
 * @param baseUrl upstream base URL, when it has one
 * @param credentialRef credential reference ({@code env:NAME}, {@code file:NAME}), when it has one
 * @param models what it serves, discovered models included
 */
public record Provider(
    String id,
    String type,
    String source,
    boolean enabled,
    int priority,
    Optional<String> baseUrl,
    Optional<String> credentialRef,
    List<ProviderModel> models) {
  /** Validates and copies. */
  public Provider {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(credentialRef, "credentialRef");
    models = List.copyOf(models);
  }
}
