package io.sovereignrouter.attestation;

import java.util.Objects;

/**
 * SHA-256 digests of one exchange as the client saw it: the request body it sent and the response
 * content it received. An attestation covers the exchange when its statement's {@code request} and
 * {@code response} subjects are these digests.
 *
 * @param request digest of the request body as sent
 * @param response digest of the response content as received
 */
public record ExchangeDigests(Hash request, Hash response) {
  /** Validates. */
  public ExchangeDigests {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(response, "response");
  }
}
