package io.sovereignrouter.attestation;

/**
 * {@link CrashSafetyTest} against a journaled log: besides every acknowledged entry, every index
 * the child was promised (and printed) before the kill must hold its entry after reopening.
 */
class JournaledCrashSafetyTest extends CrashSafetyTest {
  @Override
  boolean journaled() {
    return true;
  }
}
