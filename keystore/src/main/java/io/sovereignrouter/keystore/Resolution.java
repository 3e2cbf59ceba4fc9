package io.sovereignrouter.keystore;

/** The outcome of {@link SecretResolver#resolve}: a value the caller must switch on. */
public sealed interface Resolution permits Resolution.Resolved, Resolution.Unresolved {
  /**
   * The secret was found.
   *
   * @param secret the caller's own copy; close it when done
   * @param source the stage that produced it
   */
  record Resolved(Secret secret, SourceKind source) implements Resolution {}

  /**
   * No stage knows the reference.
   *
   * @param ref the reference
   * @param reason which stages were consulted, without any secret material
   */
  record Unresolved(SecretRef ref, String reason) implements Resolution {}
}
