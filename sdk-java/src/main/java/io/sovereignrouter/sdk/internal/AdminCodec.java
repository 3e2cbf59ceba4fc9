package io.sovereignrouter.sdk.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.sovereignrouter.sdk.SovereignProtocolException;
import io.sovereignrouter.sdk.admin.IssuedKey;
import io.sovereignrouter.sdk.admin.KeyRotation;
import io.sovereignrouter.sdk.admin.ModelHealth;
import io.sovereignrouter.sdk.admin.Provider;
import io.sovereignrouter.sdk.admin.ProviderModel;
import io.sovereignrouter.sdk.admin.Tenant;
import io.sovereignrouter.sdk.admin.TenantKey;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Decodes admin API answers (snake_case JSON) into the admin records. */
public final class AdminCodec {
  private static final String WHAT = "admin answer";

  private AdminCodec() {}

  /** The elements of a {@code {"data":[…]}} list. */
  public static <T> List<T> list(JsonNode body, Function<JsonNode, T> element) {
    List<T> out = new ArrayList<>();
    for (JsonNode n : Json.array(body, "data", WHAT)) {
      out.add(element.apply(n));
    }
    return List.copyOf(out);
  }

  /** The {@code log_index} an audited change answers with. */
  public static long logIndex(JsonNode body) {
    return Json.integer(body, "log_index", WHAT);
  }

  /** A tenant object. */
  public static Tenant tenant(JsonNode n) {
    return new Tenant(
        Json.text(n, "id", WHAT),
        Json.text(n, "name", WHAT),
        n.path("suspended").asBoolean(false),
        instant(n, "created_at"));
  }

  /** A key object. */
  public static TenantKey key(JsonNode n) {
    return new TenantKey(
        Json.text(n, "key_id", WHAT),
        Json.text(n, "fingerprint", WHAT),
        Json.text(n, "tenant_id", WHAT),
        instant(n, "created_at"),
        Json.optText(n, "revoked_at").map(AdminCodec::parseInstant));
  }

  /** A key object with its one-time secret. */
  public static IssuedKey issued(JsonNode n) {
    return new IssuedKey(key(n), Json.text(n, "key", WHAT));
  }

  /** A rotation answer. */
  public static KeyRotation rotation(JsonNode n) {
    List<String> previous = new ArrayList<>();
    JsonNode p = n.get("previous_keys");
    if (p != null && p.isArray()) {
      p.forEach(x -> previous.add(x.asText()));
    }
    return new KeyRotation(issued(n), previous, instant(n, "previous_keys_valid_until"));
  }

  /** A provider object. */
  public static Provider provider(JsonNode n) {
    List<ProviderModel> models = new ArrayList<>();
    for (JsonNode m : Json.array(n, "models", WHAT)) {
      JsonNode h = m.get("health");
      Optional<ModelHealth> health =
          h == null || !h.isObject()
              ? Optional.empty()
              : Optional.of(
                  new ModelHealth(
                      h.path("samples").asInt(),
                      h.path("success_rate").asDouble(),
                      h.path("ttfb_p50_ms").asLong(),
                      h.path("ttfb_p95_ms").asLong(),
                      h.path("total_p50_ms").asLong(),
                      h.path("total_p95_ms").asLong(),
                      h.path("consecutive_failures").asInt(),
                      h.path("breaker").asText(""),
                      h.path("open_for_ms").asLong(),
                      h.path("score").asDouble()));
      models.add(
          new ProviderModel(
              Json.text(m, "id", WHAT),
              Json.optText(m, "upstream").orElse(Json.text(m, "id", WHAT)),
              Json.optText(m, "kind").orElse("chat"),
              health));
    }
    return new Provider(
        Json.text(n, "id", WHAT),
        Json.text(n, "type", WHAT),
        n.path("enabled").asBoolean(true),
        n.path("priority").asInt(0),
        Json.optText(n, "base_url"),
        Json.optText(n, "credential_ref"),
        models);
  }

  private static Instant instant(JsonNode n, String field) {
    return parseInstant(Json.text(n, field, WHAT));
  }

  private static Instant parseInstant(String text) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new SovereignProtocolException(WHAT + ": malformed time '" + text + "'", e);
    }
  }
}
