package io.sovereignrouter.gateway;

import io.sovereignrouter.keystore.EnvSecretSource;
import io.sovereignrouter.keystore.FingerprintKeys;
import io.sovereignrouter.keystore.Fingerprinter;
import io.sovereignrouter.keystore.KekRing;
import io.sovereignrouter.keystore.LocalFileKeystore;
import io.sovereignrouter.keystore.LocalKek;
import io.sovereignrouter.keystore.SecretResolver;
import java.util.Map;

/**
 * Opens the keystore chain of a data directory: the encrypted local keystore in {@code keystore/}
 * (readable only when a KEK is configured with {@code SOVEREIGN_ENCRYPTION_KEY} or {@code
 * SOVEREIGN_ENCRYPTION_KEY_FILE}), then the environment. Fingerprints are keyed by {@code
 * fingerprint.keys} (created 0600 on first start).
 */
final class Keystores {
  static final String LOCAL_DIR = "keystore";

  private Keystores() {}

  static LocalFileKeystore local(DataDir dir, Map<String, String> env) {
    return LocalKek.fromEnvironment(env)
        .map(kek -> LocalFileKeystore.open(dir.resolve(LOCAL_DIR), KekRing.of(kek)))
        .orElseGet(() -> LocalFileKeystore.open(dir.resolve(LOCAL_DIR)));
  }

  static SecretResolver resolver(DataDir dir, Map<String, String> env) {
    Fingerprinter fingerprinter = FingerprintKeys.loadOrCreate(dir.resolve("fingerprint.keys"));
    return SecretResolver.builder(fingerprinter)
        .localFile(local(dir, env))
        .env(EnvSecretSource.of(env))
        .build();
  }
}
