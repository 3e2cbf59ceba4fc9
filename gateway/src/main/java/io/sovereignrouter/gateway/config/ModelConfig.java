package io.sovereignrouter.gateway.config;

import java.util.Objects;
import java.util.Optional;

/**
 * A model a provider serves.
 *
 * @param id the name clients send in {@code model}
 * @param upstream the name sent to the provider (defaults to {@code id})
 * @param kind what endpoint the model serves
 * @param ownedBy shown in {@code /v1/models}
 */
public record ModelConfig(String id, String upstream, ModelKind kind, String ownedBy) {

  /** Fills defaults and validates. */
  public ModelConfig {
    if (id == null || id.isBlank()) {
      throw new ConfigException("every model needs a non-empty id");
    }
    upstream = Optional.ofNullable(upstream).filter(s -> !s.isBlank()).orElse(id);
    kind = Objects.requireNonNullElse(kind, ModelKind.CHAT);
    ownedBy = Optional.ofNullable(ownedBy).filter(s -> !s.isBlank()).orElse("sovereign-router");
  }
}
