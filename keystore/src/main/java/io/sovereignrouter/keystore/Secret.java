package io.sovereignrouter.keystore;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A resolved secret value. Its {@link #toString()} shows only the {@link Fingerprint}; {@link
 * #close()} zeroes the bytes it holds. Equality is identity: compare values with {@link
 * #matches(byte[])}, which runs in constant time.
 *
 * <p>Each caller of {@link SecretResolver#resolve} gets its own copy, so closing it never disturbs
 * another request still using the same secret.
 */
public final class Secret implements AutoCloseable {
  private final byte[] value;
  private final Fingerprint fingerprint;
  private volatile boolean closed;

  /**
   * Wraps a value; the secret takes ownership of {@code value} and zeroes it on {@link #close()}.
   *
   * @param value the secret bytes; not copied
   * @param fingerprint its keyed fingerprint
   * @return the secret
   */
  public static Secret adopt(byte[] value, Fingerprint fingerprint) {
    return new Secret(value, fingerprint);
  }

  private Secret(byte[] value, Fingerprint fingerprint) {
    this.value = value;
    this.fingerprint = fingerprint;
  }

  /**
   * The keyed fingerprint, safe to log.
   *
   * @return the fingerprint
   */
  public Fingerprint fingerprint() {
    return fingerprint;
  }

  /**
   * A copy of the secret bytes; the caller owns it and should zero it after use.
   *
   * @return the bytes
   * @throws IllegalStateException if the secret was closed
   */
  public byte[] bytes() {
    checkOpen();
    return value.clone();
  }

  /**
   * The secret as a UTF-8 string, for APIs that only take strings (HTTP headers). Strings cannot be
   * zeroed: prefer {@link #bytes()} where possible.
   *
   * @return the decoded value
   * @throws IllegalStateException if the secret was closed
   */
  public String utf8() {
    checkOpen();
    return new String(value, StandardCharsets.UTF_8);
  }

  /**
   * Whether {@code candidate} equals the secret, in constant time.
   *
   * @param candidate the bytes to compare
   * @return true when equal
   * @throws IllegalStateException if the secret was closed
   */
  public boolean matches(byte[] candidate) {
    checkOpen();
    return Secrets.constantTimeEquals(value, candidate);
  }

  /**
   * A new, independent copy with the same value and fingerprint.
   *
   * @return the copy
   * @throws IllegalStateException if the secret was closed
   */
  public Secret copy() {
    checkOpen();
    return new Secret(value.clone(), fingerprint);
  }

  /**
   * Whether {@link #close()} has run.
   *
   * @return true once closed
   */
  public boolean isClosed() {
    return closed;
  }

  /** Zeroes the value; later reads throw {@link IllegalStateException}. Idempotent. */
  @Override
  public void close() {
    closed = true;
    Arrays.fill(value, (byte) 0);
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("secret " + fingerprint + " was closed");
    }
  }

  @Override
  public String toString() {
    return "Secret[fingerprint=" + fingerprint + "]";
  }
}
