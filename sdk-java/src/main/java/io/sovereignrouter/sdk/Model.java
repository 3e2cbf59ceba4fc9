package io.sovereignrouter.sdk;

import java.util.Objects;

/**
 * A routable model, as listed by {@code GET /v1/models}.
 *
 * @param id the id to put in requests
 * @param ownedBy owner as configured
 * @param created creation time, epoch seconds (0 when unknown)
 */
public record Model(String id, String ownedBy, long created) {
  /** Validates. */
  public Model {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(ownedBy, "ownedBy");
  }
}
