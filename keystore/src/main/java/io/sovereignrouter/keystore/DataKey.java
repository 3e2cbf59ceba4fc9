package io.sovereignrouter.keystore;

import java.util.Arrays;

/**
 * A fresh data-encryption key: its plaintext (owned, zeroed by {@link #close()}) and the same key
 * wrapped by a {@link Kek}. The shape of AWS KMS {@code GenerateDataKey}'s answer.
 */
public final class DataKey implements AutoCloseable {
  /** Size of every data key: AES-256. */
  public static final int BYTES = 32;

  private final byte[] plaintext;
  private final byte[] wrapped;

  /**
   * Wraps the two halves; takes ownership of {@code plaintext}.
   *
   * @param plaintext the raw key, {@link #BYTES} long; not copied, zeroed on close
   * @param wrapped the key encrypted under a KEK; copied
   * @throws KeystoreException if the plaintext is not {@link #BYTES} long
   */
  public DataKey(byte[] plaintext, byte[] wrapped) {
    if (plaintext.length != BYTES) {
      Arrays.fill(plaintext, (byte) 0);
      throw new KeystoreException(
          "data key: expected " + BYTES + " bytes, got " + plaintext.length);
    }
    this.plaintext = plaintext;
    this.wrapped = wrapped.clone();
  }

  /**
   * A copy of the raw key; the caller zeroes it.
   *
   * @return the key bytes
   */
  public byte[] plaintext() {
    return plaintext.clone();
  }

  /**
   * The wrapped key, safe to store.
   *
   * @return a copy of the wrapped bytes
   */
  public byte[] wrapped() {
    return wrapped.clone();
  }

  /** Zeroes the plaintext. */
  @Override
  public void close() {
    Arrays.fill(plaintext, (byte) 0);
  }

  @Override
  public String toString() {
    return "DataKey[wrapped=" + wrapped.length + " bytes]";
  }
}
