package io.sovereignrouter.sdk.internal;

import java.util.Optional;

/**
 * Undoes the gateway's splice of {@code "_sf_attestation":{…}} as the last member of a JSON object
 * (gateway {@code Attestations.splice}): the gateway inserts it before the whitespace that precedes
 * the closing brace, so removing it restores the provider's bytes exactly — what the statement's
 * {@code response} subject digests.
 *
 * @param original the object as the provider sent it
 * @param attestation the attestation's JSON text
 */
public record Splice(String original, String attestation) {
  static final String MEMBER = "\"_sf_attestation\":";

  /** Splits a spliced object; empty when it carries no attestation member. */
  public static Optional<Splice> remove(String body) {
    int member = body.lastIndexOf(MEMBER);
    int close = body.lastIndexOf('}');
    if (member < 0 || close < member) {
      return Optional.empty();
    }
    int end = close;
    while (end > 0 && Character.isWhitespace(body.charAt(end - 1))) {
      end--;
    }
    int start = member;
    // The separator the splice added: ',' after a previous member, nothing in an empty object.
    if (start > 0 && body.charAt(start - 1) == ',') {
      start--;
    }
    String attestation = body.substring(member + MEMBER.length(), end);
    return Optional.of(new Splice(body.substring(0, start) + body.substring(end), attestation));
  }
}
