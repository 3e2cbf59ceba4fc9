package io.sovereignrouter.policy;

import java.util.Objects;

/**
 * The outcome of checking one witness envelope: a value the caller switches on, never an exception,
 * so a forged or expired statement lowers a tier instead of failing the request.
 */
public sealed interface WitnessCheck {

  /**
   * The statement verified under a trusted key, is about the expected model and has not expired.
   *
   * @param statement the statement
   * @param keyId the trusted key whose signature verified
   */
  record Verified(WitnessStatement statement, String keyId) implements WitnessCheck {
    /** Validates. */
    public Verified {
      Objects.requireNonNull(statement, "statement");
      Objects.requireNonNull(keyId, "keyId");
    }
  }

  /**
   * The statement does not count.
   *
   * @param code one of {@code wrong_payload_type}, {@code unknown_witness}, {@code bad_signature},
   *     {@code malformed}, {@code model_hash_mismatch}, {@code expired}
   * @param detail expected vs seen, for logs (never key material)
   */
  record Rejected(String code, String detail) implements WitnessCheck {
    /** Validates. */
    public Rejected {
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(detail, "detail");
    }
  }
}
