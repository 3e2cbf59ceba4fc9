package io.sovereignrouter.gateway.storage;

import io.sovereignrouter.gateway.routing.BreakerState;
import io.sovereignrouter.gateway.routing.HealthKey;
import io.sovereignrouter.gateway.routing.HealthSample;
import io.sovereignrouter.gateway.routing.PersistedHealth;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps provider health across restarts: one row per provider+model holding the window and the
 * breaker as JSON. Blocking: call from worker threads.
 */
public final class SqliteHealthStore {
  private final SqliteDatabase db;

  /**
   * @param db the open database (not closed by this store)
   */
  public SqliteHealthStore(SqliteDatabase db) {
    this.db = db;
  }

  /** Replaces the stored state with {@code states}, in one transaction. */
  public void save(List<PersistedHealth> states, long nowMs) {
    db.transaction(
        "save provider health",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO provider_health(provider_id, model, state, updated_at)"
                      + " VALUES (?, ?, ?, ?) ON CONFLICT(provider_id, model)"
                      + " DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at")) {
            for (PersistedHealth h : states) {
              ps.setString(1, h.key().providerId());
              ps.setString(2, h.key().model());
              ps.setString(3, encode(h).encode());
              ps.setLong(4, nowMs);
              ps.addBatch();
            }
            ps.executeBatch();
            return null;
          }
        });
  }

  /** Everything stored; rows that do not parse are skipped (they only cost history). */
  public List<PersistedHealth> load() {
    return db.run(
        "load provider health",
        c -> {
          List<PersistedHealth> out = new ArrayList<>();
          try (PreparedStatement ps =
                  c.prepareStatement("SELECT provider_id, model, state FROM provider_health");
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              try {
                out.add(
                    decode(
                        new HealthKey(rs.getString(1), rs.getString(2)),
                        new JsonObject(rs.getString(3))));
              } catch (RuntimeException malformed) {
                // A row from an incompatible build: start that provider fresh.
              }
            }
          }
          return out;
        });
  }

  static JsonObject encode(PersistedHealth h) {
    JsonArray samples = new JsonArray();
    for (HealthSample s : h.samples()) {
      samples.add(new JsonArray().add(s.success()).add(s.ttfbMs()).add(s.totalMs()).add(s.atMs()));
    }
    return new JsonObject()
        .put("samples", samples)
        .put("consecutive_failures", h.consecutiveFailures())
        .put("breaker", h.breaker().name())
        .put("open_until_ms", h.openUntilMs())
        .put("open_for_ms", h.openForMs());
  }

  static PersistedHealth decode(HealthKey key, JsonObject json) {
    List<HealthSample> samples = new ArrayList<>();
    for (Object o : json.getJsonArray("samples")) {
      JsonArray a = (JsonArray) o;
      samples.add(new HealthSample(a.getBoolean(0), a.getLong(1), a.getLong(2), a.getLong(3)));
    }
    return new PersistedHealth(
        key,
        samples,
        json.getInteger("consecutive_failures"),
        BreakerState.valueOf(json.getString("breaker")),
        json.getLong("open_until_ms"),
        json.getLong("open_for_ms"));
  }
}
