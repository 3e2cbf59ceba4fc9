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

  /** The {@code data:} payloads of an SSE body, in order (the last is {@code [DONE]}). */
  public static java.util.List<String> dataLines(String sse) {
    return sse.lines().filter(l -> l.startsWith("data: ")).map(l -> l.substring(6)).toList();
  }

  /**
   * Runs {@code sovereign verify FILE --log-key KEY [more…]}.
   *
   * @return its exit status (0 only if verified)
   */
  public static int verify(java.nio.file.Path file, java.nio.file.Path logKey, String... more) {
    String[] args = new String[4 + more.length];
    args[0] = "verify";
    args[1] = file.toString();
    args[2] = "--log-key";
    args[3] = logKey.toString();
    System.arraycopy(more, 0, args, 4, more.length);
    return new picocli.CommandLine(new Main()).execute(args);
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
