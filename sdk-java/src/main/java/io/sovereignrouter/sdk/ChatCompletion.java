package io.sovereignrouter.sdk;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A chat completion and what the gateway attests about it.
 *
 * @param id completion id
 * @param model model id as the provider reported it
 * @param created creation time, epoch seconds
 * @param choices the choices
 * @param usage token usage, when reported
 * @param attestation the signed record of what served this call ({@code _sf_attestation})
 * @param meta the answer's headers
 * @param digests what was sent and received, for {@link AttestationVerifier}
 * @param json the answer's JSON body without {@code _sf_attestation}, for fields not modelled here
 */
public record ChatCompletion(
    String id,
    String model,
    long created,
    List<ChatChoice> choices,
    Optional<Usage> usage,
    Attestation attestation,
    ResponseMeta meta,
    ExchangeDigests digests,
    String json)
    implements Attested {
  /** Validates and copies. */
  public ChatCompletion {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(model, "model");
    choices = List.copyOf(choices);
    Objects.requireNonNull(usage, "usage");
    Objects.requireNonNull(attestation, "attestation");
    Objects.requireNonNull(meta, "meta");
    Objects.requireNonNull(digests, "digests");
    Objects.requireNonNull(json, "json");
  }

  /**
   * The first choice's text.
   *
   * @return the content of {@code choices[0].message}, or "" when there is no choice
   */
  public String text() {
    return choices.isEmpty() ? "" : choices.get(0).message().content();
  }

  /** Prints ids only: the content may be sensitive. */
  @Override
  public String toString() {
    return "ChatCompletion[id="
        + id
        + ", model="
        + model
        + ", rekorIndex="
        + attestation.rekorIndex()
        + "]";
  }
}
