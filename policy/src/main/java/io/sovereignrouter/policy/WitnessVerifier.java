package io.sovereignrouter.policy;

import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Verifies witness envelopes against the operator's trusted Ed25519 keys and collects the scopes a
 * model has earned. Checks run in a fixed order and fail closed (STYLE.md §5): payload type →
 * trusted key → signature → payload shape → model hash → expiry. Signatures by unknown keys are
 * ignored; at most {@link WitnessEnvelope#MAX_SIGNATURES} are looked at.
 */
public final class WitnessVerifier {
  private final Map<String, WitnessKey> trusted = new LinkedHashMap<>();

  /**
   * Creates a verifier.
   *
   * @param trustedKeys the witness keys the operator trusts
   * @throws IllegalArgumentException when two keys share an id
   */
  public WitnessVerifier(Collection<WitnessKey> trustedKeys) {
    for (WitnessKey k : trustedKeys) {
      if (trusted.put(k.keyId(), k) != null) {
        throw new IllegalArgumentException("witness keys: duplicate key id " + k.keyId());
      }
    }
  }

  /**
   * Checks one envelope.
   *
   * @param envelope the envelope
   * @param modelHash the pinned hash of the model the statement must be about
   * @param now the time to check expiry against
   * @return {@link WitnessCheck.Verified} or the first failed check
   */
  public WitnessCheck check(WitnessEnvelope envelope, String modelHash, Instant now) {
    if (!envelope.payloadType().equals(WitnessStatement.PAYLOAD_TYPE)) {
      return new WitnessCheck.Rejected(
          "wrong_payload_type",
          "expected " + WitnessStatement.PAYLOAD_TYPE + ", got " + envelope.payloadType());
    }
    byte[] payload;
    try {
      payload = envelope.payloadBytes();
    } catch (PolicyFormatException e) {
      return new WitnessCheck.Rejected("malformed", e.getMessage());
    }
    byte[] pae = WitnessEnvelope.pae(envelope.payloadType(), payload);
    String verifiedBy = null;
    boolean sawTrusted = false;
    int looked = 0;
    for (WitnessEnvelope.Signature s : envelope.signatures()) {
      if (looked++ == WitnessEnvelope.MAX_SIGNATURES) {
        break;
      }
      WitnessKey key = trusted.get(s.keyId());
      if (key == null) {
        continue; // unknown signers are ignored, not failed
      }
      sawTrusted = true;
      if (verifies(key, pae, s.sig())) {
        verifiedBy = key.keyId();
        break;
      }
    }
    if (verifiedBy == null) {
      return sawTrusted
          ? new WitnessCheck.Rejected("bad_signature", "no trusted signature verifies")
          : new WitnessCheck.Rejected("unknown_witness", "no signature by a trusted key");
    }
    WitnessStatement st;
    try {
      st = WitnessStatement.parsePayload(payload);
    } catch (PolicyFormatException e) {
      return new WitnessCheck.Rejected("malformed", e.getMessage());
    }
    if (!st.modelHash().equals(modelHash)) {
      return new WitnessCheck.Rejected(
          "model_hash_mismatch", "expected " + modelHash + ", got " + st.modelHash());
    }
    if (!now.isBefore(st.expires())) {
      return new WitnessCheck.Rejected("expired", "expired at " + st.expires() + ", now " + now);
    }
    return new WitnessCheck.Verified(st, verifiedBy);
  }

  /**
   * Checks every envelope for a model and unions the scopes of the verified ones.
   *
   * @param envelopes the model's witness envelopes
   * @param modelHash the model's pinned hash
   * @param now the time to check expiry against
   * @return the verified scopes (sorted, unique) and every check's outcome
   */
  public WitnessedScopes scopes(List<WitnessEnvelope> envelopes, String modelHash, Instant now) {
    TreeSet<String> scopes = new TreeSet<>();
    List<WitnessCheck> checks = new ArrayList<>();
    for (WitnessEnvelope e : envelopes) {
      WitnessCheck c = check(e, modelHash, now);
      checks.add(c);
      switch (c) {
        case WitnessCheck.Verified v -> scopes.addAll(v.statement().scopes());
        case WitnessCheck.Rejected r -> {}
      }
    }
    return new WitnessedScopes(List.copyOf(scopes), checks);
  }

  private static boolean verifies(WitnessKey key, byte[] pae, String sigBase64) {
    byte[] sig;
    try {
      sig = Base64.getDecoder().decode(sigBase64);
    } catch (IllegalArgumentException e) {
      return false;
    }
    try {
      Signature v = Signature.getInstance("Ed25519");
      v.initVerify(key.publicKey());
      v.update(pae);
      return v.verify(sig);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  /**
   * The scopes a model has earned and how each of its statements fared.
   *
   * @param scopes scopes of verified statements, sorted and unique: the candidate's {@code
   *     witness_scopes}
   * @param checks one outcome per envelope, in input order
   */
  public record WitnessedScopes(List<String> scopes, List<WitnessCheck> checks) {
    /** Copies. */
    public WitnessedScopes {
      scopes = List.copyOf(scopes);
      checks = List.copyOf(checks);
    }

    /** No statements at all: no scopes, nothing rejected. */
    public static final WitnessedScopes NONE = new WitnessedScopes(List.of(), List.of());

    /**
     * The codes of the rejected statements, sorted and unique: the candidate's {@code
     * witness_rejections}.
     *
     * @return rejection codes
     */
    public List<String> rejections() {
      TreeSet<String> codes = new TreeSet<>();
      for (WitnessCheck c : checks) {
        switch (c) {
          case WitnessCheck.Verified v -> {}
          case WitnessCheck.Rejected r -> codes.add(r.code());
        }
      }
      return List.copyOf(codes);
    }
  }
}
