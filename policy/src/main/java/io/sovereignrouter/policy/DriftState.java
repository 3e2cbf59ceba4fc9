package io.sovereignrouter.policy;

/** Whether a provider currently reports the pinned model hash for a catalog model. */
public enum DriftState {
  /** The reported hash is the pinned one. */
  NONE("none"),
  /** The provider reported another hash; the policy's drift posture decides. */
  DRIFTED("drifted");

  private final String wire;

  DriftState(String wire) {
    this.wire = wire;
  }

  /**
   * The value in policy input JSON.
   *
   * @return {@code none} or {@code drifted}
   */
  public String wire() {
    return wire;
  }

  /**
   * Parses the policy input value.
   *
   * @param wire {@code none} or {@code drifted}
   * @return the state
   * @throws PolicyFormatException for any other value
   */
  public static DriftState parse(String wire) {
    for (DriftState s : values()) {
      if (s.wire.equals(wire)) {
        return s;
      }
    }
    throw new PolicyFormatException("drift: expected none or drifted, got " + wire);
  }
}
