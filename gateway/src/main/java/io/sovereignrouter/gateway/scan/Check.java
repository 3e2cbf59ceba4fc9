package io.sovereignrouter.gateway.scan;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.CRC32;

/**
 * A structural check a candidate secret must pass beyond its regex: a format's checksum, or a
 * decode that proves the candidate is what the rule says.
 */
public enum Check {
  /** No check beyond the regex, entropy and placeholder filters. */
  NONE,
  /**
   * GitHub and npm tokens: {@code prefix_} + 30 base62 characters + 6 base62 digits (alphabet
   * {@code 0-9A-Za-z}, zero-padded) of the CRC-32 of those 30 characters (GitHub blog, "Behind
   * GitHub's new authentication token formats", 2021-04-05; npm changelog 2021-09-23).
   */
  CRC32_BASE62,
  /** The candidate contains a digit and a letter (random tokens almost always do). */
  MIXED,
  /**
   * A JWT: the first dot-separated part is base64url JSON with an {@code alg} member (RFC 7519
   * §7.2, RFC 7515 §4.1.1).
   */
  JWT,
  /** HTTP Basic credentials: base64 of {@code user:password} with printable text (RFC 7617). */
  BASIC_AUTH,
  /**
   * A value assigned to a secret-looking name: not a code reference ({@code os.environ}, {@code
   * config.db.password}), not a UUID, with a letter and a digit or symbol other than {@code _-.},
   * as generated secrets and human passwords have and identifiers do not.
   */
  ASSIGNED_VALUE;

  private static final String BASE62 =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

  /**
   * Whether {@code secret} passes this check.
   *
   * @param secret the candidate secret
   * @return true when it passes
   */
  public boolean test(CharSequence secret) {
    return switch (this) {
      case NONE -> true;
      case CRC32_BASE62 -> crc32Base62(secret);
      case MIXED -> mixed(secret);
      case JWT -> jwt(secret);
      case BASIC_AUTH -> basicAuth(secret);
      case ASSIGNED_VALUE -> assignedValue(secret);
    };
  }

  /**
   * Base62 encoding of a CRC-32 value padded to 6 digits, as GitHub and npm tokens carry it.
   *
   * @param entropy the token's random part
   * @return 6 base62 digits
   */
  static String crc32Base62Of(CharSequence entropy) {
    CRC32 crc = new CRC32();
    crc.update(entropy.toString().getBytes(StandardCharsets.US_ASCII));
    long value = crc.getValue();
    char[] digits = new char[6];
    for (int i = 5; i >= 0; i--) {
      digits[i] = BASE62.charAt((int) (value % 62));
      value /= 62;
    }
    return new String(digits);
  }

  private static boolean crc32Base62(CharSequence token) {
    String s = token.toString();
    int underscore = s.lastIndexOf('_');
    if (underscore < 0 || s.length() - underscore - 1 < 7) {
      return false;
    }
    String body = s.substring(underscore + 1);
    String entropy = body.substring(0, body.length() - 6);
    return crc32Base62Of(entropy).equals(body.substring(body.length() - 6));
  }

  private static boolean mixed(CharSequence s) {
    boolean digit = false;
    boolean letter = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      digit |= c >= '0' && c <= '9';
      letter |= (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
    return digit && letter;
  }

  private static final java.util.regex.Pattern CODE_REFERENCE =
      java.util.regex.Pattern.compile(
          "[A-Za-z_$][A-Za-z0-9_$]*(?:(?:\\.|::|->)[A-Za-z_$][A-Za-z0-9_$]*)+");
  private static final java.util.regex.Pattern UUID =
      java.util.regex.Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private static boolean assignedValue(CharSequence s) {
    if (CODE_REFERENCE.matcher(s).matches() || UUID.matcher(s).matches()) {
      return false;
    }
    boolean lower = false;
    boolean upper = false;
    boolean digit = false;
    boolean symbol = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 'a' && c <= 'z') {
        lower = true;
      } else if (c >= 'A' && c <= 'Z') {
        upper = true;
      } else if (c >= '0' && c <= '9') {
        digit = true;
      } else if (c != '_' && c != '-' && c != '.') {
        symbol = true;
      }
    }
    // Identifiers (snake_case, kebab-case, camelCase) have neither digits nor strong symbols.
    return (digit || symbol) && (lower || upper);
  }

  private static boolean jwt(CharSequence s) {
    String text = s.toString();
    int dot = text.indexOf('.');
    if (dot <= 0) {
      return false;
    }
    try {
      String header =
          new String(Base64.getUrlDecoder().decode(text.substring(0, dot)), StandardCharsets.UTF_8);
      return header.startsWith("{") && header.contains("\"alg\"");
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static boolean basicAuth(CharSequence s) {
    try {
      byte[] raw = Base64.getDecoder().decode(s.toString());
      int colon = -1;
      for (int i = 0; i < raw.length; i++) {
        int b = raw[i] & 0xff;
        if (b < 0x20 || b == 0x7f) {
          return false;
        }
        if (b == ':' && colon < 0) {
          colon = i;
        }
      }
      return colon > 0 && colon < raw.length - 1;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
