package io.sovereignrouter.gateway.spend;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Ids of spend holds. */
final class Reservations {
  private static final SecureRandom RANDOM = new SecureRandom();

  private Reservations() {}

  static String newId() {
    byte[] b = new byte[12];
    RANDOM.nextBytes(b);
    return "sr_" + HexFormat.of().formatHex(b);
  }
}
