package io.sovereignrouter.gateway.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * TLS to PostgreSQL ({@code storage.postgres.ssl-mode}), named after libpq's {@code sslmode} values
 * of the same meaning.
 */
public enum PostgresSslMode {
  /** Plain TCP (the default; a database on loopback or inside a trusted network). */
  @JsonProperty("disable")
  DISABLE,
  /** TLS without authenticating the server: encrypts, but a man in the middle goes unnoticed. */
  @JsonProperty("require")
  REQUIRE,
  /**
   * TLS; the server's certificate must chain to {@code ssl-root-cert} and name the configured host
   * (what RDS and other managed databases should use).
   */
  @JsonProperty("verify-full")
  VERIFY_FULL;

  /**
   * The config file's spelling.
   *
   * @return {@code disable}, {@code require} or {@code verify-full}
   */
  public String value() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
