package io.sovereignrouter.gateway.tenancy;

import java.security.SecureRandom;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A tenant API key, {@code sk-router-<key id>_<secret>}. The key id locates the stored record and
 * doubles as the fingerprint shown in logs; the secret is only ever stored as a keyed hash.
 *
 * @param keyId 12 lowercase base-32 characters
 * @param secret 40 base-62 characters (about 238 bits)
 */
public record ApiKey(String keyId, String secret) {
  /** Every tenant key starts with this. */
  public static final String PREFIX = "sk-router-";

  private static final Pattern KEY_ID = Pattern.compile("[a-z2-7]{12}");
  private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9]{40}");

  /** Validates both parts. */
  public ApiKey {
    Objects.requireNonNull(keyId, "keyId");
    Objects.requireNonNull(secret, "secret");
    if (!KEY_ID.matcher(keyId).matches() || !SECRET.matcher(secret).matches()) {
      throw new IllegalArgumentException("not a well-formed sk-router key");
    }
  }

  /** Draws a fresh key from {@code random}. */
  public static ApiKey generate(SecureRandom random) {
    return new ApiKey(
        RandomTokens.draw(random, RandomTokens.BASE32, 12),
        RandomTokens.draw(random, RandomTokens.BASE62, 40));
  }

  /**
   * Parses a presented bearer token. Returns empty for anything that is not a well-formed key, so
   * callers answer 401 without learning which part was wrong.
   */
  public static Optional<ApiKey> parse(String token) {
    if (token == null
        || token.length() != PREFIX.length() + 12 + 1 + 40
        || !token.startsWith(PREFIX)) {
      return Optional.empty();
    }
    String rest = token.substring(PREFIX.length());
    if (rest.charAt(12) != '_') {
      return Optional.empty();
    }
    String id = rest.substring(0, 12);
    String secret = rest.substring(13);
    if (!KEY_ID.matcher(id).matches() || !SECRET.matcher(secret).matches()) {
      return Optional.empty();
    }
    return Optional.of(new ApiKey(id, secret));
  }

  /** The full token as handed to the client, once. */
  public String format() {
    return PREFIX + keyId + "_" + secret;
  }

  /** The non-secret short id shown in UIs and logs. */
  public String fingerprint() {
    return PREFIX + keyId;
  }

  /** Never prints the secret. */
  @Override
  public String toString() {
    return "ApiKey[" + fingerprint() + "]";
  }
}
