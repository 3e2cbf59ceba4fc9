package io.sovereignrouter.gateway.config;

import java.util.List;
import java.util.Objects;

/**
 * Witnesses the operator trusts and the signed statements they made about model hashes. A model's
 * tier comes only from statements that verify under one of these keys and have not expired.
 *
 * @param trustedKeys witness public keys
 * @param statements paths of DSSE witness statements (one JSON envelope per file)
 */
public record WitnessConfig(List<TrustedKey> trustedKeys, List<String> statements) {
  /** No witnesses: every model is at the lowest tier unless the catalog says otherwise. */
  public static final WitnessConfig NONE = new WitnessConfig(null, null);

  /** Fills defaults. */
  public WitnessConfig {
    trustedKeys = List.copyOf(Objects.requireNonNullElse(trustedKeys, List.of()));
    statements = List.copyOf(Objects.requireNonNullElse(statements, List.of()));
  }

  /**
   * One trusted witness key.
   *
   * @param id the key id statements name
   * @param publicKey the raw 32-byte Ed25519 public key, base64
   */
  public record TrustedKey(String id, String publicKey) {
    /** Validates. */
    public TrustedKey {
      if (id == null || id.isBlank() || publicKey == null || publicKey.isBlank()) {
        throw new ConfigException("witnesses.trusted-keys: every key needs an id and a public-key");
      }
    }
  }
}
