package io.sovereignrouter.gateway.policy;

import io.sovereignrouter.gateway.config.ConfigException;
import io.sovereignrouter.gateway.config.WitnessConfig;
import io.sovereignrouter.policy.WitnessEnvelope;
import io.sovereignrouter.policy.WitnessKey;
import io.sovereignrouter.policy.WitnessVerifier;
import io.sovereignrouter.policy.WitnessVerifier.WitnessedScopes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The operator's trusted witnesses and their statements, loaded at start. Scopes for a model hash
 * are re-verified at most once a minute (signatures do not change; expiry is what moves), so the
 * request path pays a map lookup.
 */
public final class Witnesses {
  private static final long RECHECK_MS = 60_000;
  private final WitnessVerifier verifier;
  private final List<WitnessEnvelope> statements;
  private final Map<String, Checked> cache = new ConcurrentHashMap<>();

  private record Checked(WitnessedScopes scopes, long atMs) {}

  private Witnesses(WitnessVerifier verifier, List<WitnessEnvelope> statements) {
    this.verifier = verifier;
    this.statements = List.copyOf(statements);
  }

  /**
   * Loads keys and statement files.
   *
   * @throws ConfigException for an unreadable or malformed key or statement
   */
  public static Witnesses load(WitnessConfig config) {
    List<WitnessKey> keys = new ArrayList<>();
    for (WitnessConfig.TrustedKey k : config.trustedKeys()) {
      try {
        keys.add(WitnessKey.ed25519(k.id(), Base64.getDecoder().decode(k.publicKey())));
      } catch (IllegalArgumentException e) {
        throw new ConfigException("witnesses.trusted-keys " + k.id() + ": " + e.getMessage());
      }
    }
    List<WitnessEnvelope> envelopes = new ArrayList<>();
    for (String file : config.statements()) {
      try {
        envelopes.add(
            WitnessEnvelope.parse(Files.readString(Path.of(file), StandardCharsets.UTF_8)));
      } catch (IOException | RuntimeException e) {
        throw new ConfigException("witnesses.statements " + file + ": " + e.getMessage());
      }
    }
    return new Witnesses(new WitnessVerifier(keys), envelopes);
  }

  /**
   * Verified scopes (and rejection codes) of the statements about {@code modelHash} at {@code now}.
   */
  public WitnessedScopes scopes(String modelHash, Instant now) {
    if (statements.isEmpty()) {
      return WitnessedScopes.NONE;
    }
    long nowMs = now.toEpochMilli();
    Checked c = cache.get(modelHash);
    if (c == null || nowMs - c.atMs() > RECHECK_MS || nowMs < c.atMs()) {
      c = new Checked(verifier.scopes(statements, modelHash, now), nowMs);
      cache.put(modelHash, c);
    }
    return c.scopes();
  }
}
