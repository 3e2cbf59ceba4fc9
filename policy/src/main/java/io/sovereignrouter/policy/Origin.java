package io.sovereignrouter.policy;

import java.util.Objects;

/**
 * Where the request comes from.
 *
 * @param header the {@code Origin} header, or the empty string when the request had none (which no
 *     policy with allowed origins accepts)
 * @param clientAddress the client's address as the gateway saw it
 */
public record Origin(String header, String clientAddress) {

  /** Validates. */
  public Origin {
    Objects.requireNonNull(header, "header");
    Objects.requireNonNull(clientAddress, "clientAddress");
  }
}
