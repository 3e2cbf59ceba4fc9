package io.sovereignrouter.gateway;

import io.vertx.core.json.JsonObject;

/** Test helpers for replies that carry a spliced {@code _sf_attestation} member. */
public final class Attested {
  private static final String MEMBER = "\"_sf_attestation\":";

  private Attested() {}

  /** The reply without its attestation member: the provider's bytes, exactly. */
  public static String strip(String json) {
    int start = json.lastIndexOf(MEMBER);
    if (start < 0) {
      throw new AssertionError("no _sf_attestation in " + json);
    }
    int end = endOfValue(json, start + MEMBER.length());
    boolean comma = json.charAt(start - 1) == ',';
    return json.substring(0, comma ? start - 1 : start) + json.substring(end);
  }

  /** The attestation member of a reply. */
  public static JsonObject of(String json) {
    return new JsonObject(json).getJsonObject("_sf_attestation");
  }

  private static int endOfValue(String s, int from) {
    int depth = 0;
    boolean inString = false;
    for (int i = from; i < s.length(); i++) {
      char c = s.charAt(i);
      if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == '{') {
        depth++;
      } else if (c == '}') {
        depth--;
        if (depth == 0) {
          return i + 1;
        }
      }
    }
    throw new AssertionError("unterminated attestation object");
  }
}
