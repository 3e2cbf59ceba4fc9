package io.sovereignrouter.sdk;

import io.sovereignrouter.attestation.Hash;
import java.util.Objects;

/**
 * SHA-256 digests of what this client sent and received, computed locally. The gateway's signed
 * statement names the same two digests as its {@code request} and {@code response} subjects, so
 * {@link AttestationVerifier#verify(Attestation, ExchangeDigests)} ties an attestation to this very
 * exchange rather than to any other logged call.
 *
 * @param request SHA-256 of the request body bytes as sent
 * @param response SHA-256 of the response content as the provider produced it (the body without
 *     {@code _sf_attestation}; for streams, each chunk's JSON followed by a newline)
 */
public record ExchangeDigests(Hash request, Hash response) {
  /** Validates. */
  public ExchangeDigests {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(response, "response");
  }
}
