package io.sovereignrouter.gateway.storage.postgres;

/**
 * Keys of the {@code pg_advisory_xact_lock}s the gateway takes; one place so that two features
 * never share a key by accident. Application-chosen 64-bit constants (ASCII tags).
 */
public final class AdvisoryLocks {
  /** Held while migrations run, so replicas starting together apply each file once. */
  public static final long MIGRATIONS = 0x534f565f4d494752L; // "SOV_MIGR"

  /** Held by the log integrator: one replica at a time extends the Merkle log. */
  public static final long LOG_INTEGRATOR = 0x534f565f4c4f4731L; // "SOV_LOG1"

  private AdvisoryLocks() {}
}
