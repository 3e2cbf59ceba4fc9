package io.sovereignrouter.gateway.storage.postgres;

/**
 * Statements shared by both backends are written with JDBC's {@code ?} placeholders; PostgreSQL's
 * wire protocol numbers them.
 */
public final class Placeholders {
  private Placeholders() {}

  /** {@code ?} placeholders renumbered as {@code $1, $2, …} (statements hold no literal '?'). */
  public static String numbered(String sql) {
    StringBuilder out = new StringBuilder(sql.length() + 8);
    int n = 0;
    for (int i = 0; i < sql.length(); i++) {
      char c = sql.charAt(i);
      if (c == '?') {
        out.append('$').append(++n);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
