package io.sovereignrouter.gateway.admin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The operator's bearer token for the admin port. Only its SHA-256 is held; presented tokens are
 * hashed and compared in constant time, so neither length nor content leaks through timing.
 */
public final class AdminToken {
  private final byte[] digest;

  /**
   * @param token the configured token
   */
  public AdminToken(String token) {
    if (token.length() < 32) {
      throw new IllegalArgumentException("admin token must be at least 32 characters");
    }
    this.digest = sha256(token);
  }

  /** Whether {@code presented} is the admin token. */
  public boolean matches(String presented) {
    return presented != null && MessageDigest.isEqual(digest, sha256(presented));
  }

  private static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
  }

  /** Never prints the token. */
  @Override
  public String toString() {
    return "AdminToken[redacted]";
  }
}
