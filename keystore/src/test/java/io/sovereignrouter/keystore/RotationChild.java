package io.sovereignrouter.keystore;

import java.nio.file.Path;

/**
 * Child process for {@link KekRotationCrashIT}: rotates the keystore in {@code args[0]} from the
 * KEK in {@code OLD_KEK} to the one in {@code NEW_KEK}, slowly, so the parent can SIGKILL it
 * mid-way.
 */
public final class RotationChild {
  private RotationChild() {}

  /**
   * Runs the rotation.
   *
   * @param args the keystore directory
   */
  public static void main(String[] args) {
    LocalKek oldKek = LocalKek.parse(System.getenv("OLD_KEK"));
    LocalKek newKek = LocalKek.parse(System.getenv("NEW_KEK"));
    LocalFileKeystore ks = LocalFileKeystore.open(Path.of(args[0]), KekRing.of(oldKek));
    ks.rotateKek(new SlowKek(newKek));
  }

  /** Delegates to a KEK, sleeping before each wrap to stretch the rotation out. */
  private record SlowKek(Kek delegate) implements Kek {
    @Override
    public String id() {
      return delegate.id();
    }

    @Override
    public byte[] wrap(byte[] dataKey, byte[] aad) {
      try {
        Thread.sleep(15);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return delegate.wrap(dataKey, aad);
    }

    @Override
    public byte[] unwrap(byte[] wrapped, byte[] aad) {
      return delegate.unwrap(wrapped, aad);
    }
  }
}
