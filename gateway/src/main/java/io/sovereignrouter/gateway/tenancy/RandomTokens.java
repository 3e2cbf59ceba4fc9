package io.sovereignrouter.gateway.tenancy;

import java.security.SecureRandom;

/** Random identifiers and secrets drawn from fixed alphabets. */
final class RandomTokens {
  static final String BASE32 = "abcdefghijklmnopqrstuvwxyz234567";
  static final String BASE62 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

  private RandomTokens() {}

  static String draw(SecureRandom random, String alphabet, int length) {
    StringBuilder out = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      out.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return out.toString();
  }
}
