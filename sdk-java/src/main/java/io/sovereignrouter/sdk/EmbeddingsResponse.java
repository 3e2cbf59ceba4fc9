package io.sovereignrouter.sdk;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Embeddings and what the gateway attests about them.
 *
 * @param model model id as the provider reported it
 * @param data one embedding per input, in input order
 * @param usage token usage, when reported
 * @param attestation the signed record of what served this call
 * @param meta the answer's headers
 * @param digests what was sent and received, for {@link AttestationVerifier}
 */
public record EmbeddingsResponse(
    String model,
    List<Embedding> data,
    Optional<Usage> usage,
    Attestation attestation,
    ResponseMeta meta,
    ExchangeDigests digests)
    implements Attested {
  /** Validates and copies. */
  public EmbeddingsResponse {
    Objects.requireNonNull(model, "model");
    data = List.copyOf(data);
    Objects.requireNonNull(usage, "usage");
    Objects.requireNonNull(attestation, "attestation");
    Objects.requireNonNull(meta, "meta");
    Objects.requireNonNull(digests, "digests");
  }
}
