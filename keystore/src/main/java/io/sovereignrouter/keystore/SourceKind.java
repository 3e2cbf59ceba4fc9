package io.sovereignrouter.keystore;

/** The stage of the chain that produced a secret. */
public enum SourceKind {
  /** The encrypted {@link LocalFileKeystore}. */
  LOCAL_FILE,
  /** An environment variable. */
  ENV,
  /** A cloud KMS decrypt. */
  KMS
}
