package io.sovereignrouter.keystore;

import java.util.Optional;

/**
 * Finds a KEK the keystore's ring does not hold yet, by id: how a running process picks up the KEK
 * another process (the {@code kek rotate} command) started re-wrapping under. See {@link
 * KekManifest#loader}.
 */
@FunctionalInterface
public interface KekLoader {
  /** Finds nothing. */
  KekLoader NONE = id -> Optional.empty();

  /**
   * Opens the KEK with this id, if this loader knows where it lives.
   *
   * @param kekId a {@link Kek#id()} read from an entry
   * @return the KEK (whose id equals {@code kekId}), or empty
   * @throws KeystoreException if the KEK is known but cannot be opened
   */
  Optional<Kek> load(String kekId);
}
