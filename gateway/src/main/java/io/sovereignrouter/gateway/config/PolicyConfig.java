package io.sovereignrouter.gateway.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * Stage 3, the policy engine (DESIGN.md §6); every setting is optional.
 *
 * <pre>
 * policy:
 *   engine: server                       # embedded (default) | server
 *   server-url: http://127.0.0.1:8181    # required for server: OPA's base URL
 *   timeout-ms: 1000                     # per decision on the server engine
 *   pool-size: 2                         # wasm instances and policy worker threads (embedded)
 *   decision-cache-size: 1024            # decisions remembered by input digest (embedded); 0 = off
 * </pre>
 *
 * @param engine which engine decides
 * @param serverUrl base URL of the OPA server ({@code http} or {@code https}, no query); required
 *     when {@code engine} is {@code server}
 * @param timeoutMs deadline of one decision on the OPA server, default 1000
 * @param poolSize embedded engine: how many decisions run at once, default the number of processors
 * @param decisionCacheSize embedded engine: decisions remembered by the digest of their exact
 *     input, default 1024, 0 turns the cache off
 */
public record PolicyConfig(
    Engine engine, URI serverUrl, Long timeoutMs, Integer poolSize, Integer decisionCacheSize) {

  /** All defaults: the embedded engine on the built-in bundle. */
  public static final PolicyConfig DEFAULT = new PolicyConfig(null, null, null, null, null);

  /** The engines a deployment can choose. */
  public enum Engine {
    /** The built-in wasm bundle evaluated in-process (opa-java-wasm). */
    @JsonProperty("embedded")
    EMBEDDED,
    /** An external OPA server queried over its REST Data API. */
    @JsonProperty("server")
    SERVER
  }

  /** Fills defaults and checks that a server engine has a usable URL. */
  public PolicyConfig {
    engine = Objects.requireNonNullElse(engine, Engine.EMBEDDED);
    timeoutMs = Objects.requireNonNullElse(timeoutMs, 1_000L);
    poolSize =
        Objects.requireNonNullElse(
            poolSize, Math.max(1, Runtime.getRuntime().availableProcessors()));
    decisionCacheSize = Objects.requireNonNullElse(decisionCacheSize, 1024);
    if (timeoutMs <= 0) {
      throw new ConfigException("policy.timeout-ms must be positive, was " + timeoutMs);
    }
    if (poolSize < 1) {
      throw new ConfigException("policy.pool-size must be at least 1, was " + poolSize);
    }
    if (decisionCacheSize < 0) {
      throw new ConfigException(
          "policy.decision-cache-size must be 0 (off) or more, was " + decisionCacheSize);
    }
    if (serverUrl != null) {
      String scheme = serverUrl.getScheme();
      if (!("http".equals(scheme) || "https".equals(scheme))
          || serverUrl.getHost() == null
          || serverUrl.getRawQuery() != null
          || serverUrl.getRawFragment() != null) {
        throw new ConfigException(
            "policy.server-url must be an http(s) URL with a host and no query, was " + serverUrl);
      }
    }
    if (engine == Engine.SERVER && serverUrl == null) {
      throw new ConfigException("policy.server-url is required when policy.engine is server");
    }
  }

  /**
   * The OPA server's base URL.
   *
   * @return the URL, empty for the embedded engine unless one was configured
   */
  public Optional<URI> server() {
    return Optional.ofNullable(serverUrl);
  }
}
