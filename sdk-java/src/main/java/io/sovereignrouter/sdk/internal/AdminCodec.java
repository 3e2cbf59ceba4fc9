package io.sovereignrouter.sdk.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.sovereignrouter.sdk.SovereignProtocolException;
import io.sovereignrouter.sdk.admin.IssuedKey;
import io.sovereignrouter.sdk.admin.KeyRotation;
import io.sovereignrouter.sdk.admin.LeakScanAction;
import io.sovereignrouter.sdk.admin.ModelHealth;
import io.sovereignrouter.sdk.admin.Policy;
import io.sovereignrouter.sdk.admin.Provider;
import io.sovereignrouter.sdk.admin.ProviderModel;
import io.sovereignrouter.sdk.admin.RateLimits;
import io.sovereignrouter.sdk.admin.Spend;
import io.sovereignrouter.sdk.admin.SpendCap;
import io.sovereignrouter.sdk.admin.SpendPeriod;
import io.sovereignrouter.sdk.admin.Tenant;
import io.sovereignrouter.sdk.admin.TenantKey;
import io.sovereignrouter.sdk.admin.TenantSettings;
import io.sovereignrouter.sdk.admin.UsageGroup;
import io.sovereignrouter.sdk.admin.UsageReport;
import io.sovereignrouter.sdk.admin.UsageRow;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
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
    List<String> allowed = new ArrayList<>();
    JsonNode a = n.get("allowed_policies");
    if (a != null && a.isArray()) {
      a.forEach(x -> allowed.add(x.asText()));
    }
    TenantSettings settings =
        new TenantSettings(
            allowed,
            Json.optText(n, "default_policy").orElse(""),
            spendCap(n.get("spend_cap")),
            rateLimits(n.get("rate_limits")),
            enumValue(LeakScanAction.class, Json.optText(n, "leak_scan_action").orElse("redact")),
            n.path("max_active_keys").asInt(0));
    return new Tenant(
        Json.text(n, "id", WHAT),
        Json.text(n, "name", WHAT),
        n.path("suspended").asBoolean(false),
        instant(n, "created_at"),
        Json.optText(n, "suspended_reason"),
        Json.optText(n, "suspended_at").map(AdminCodec::parseInstant),
        settings);
  }

  /** A {@code spend_cap} member: an object, or null / absent for none. */
  static Optional<SpendCap> spendCap(JsonNode c) {
    if (c == null || !c.isObject()) {
      return Optional.empty();
    }
    return Optional.of(
        new SpendCap(
            Json.optDecimal(c, "usd")
                .orElseThrow(() -> new SovereignProtocolException(WHAT + ": spend_cap.usd")),
            enumValue(SpendPeriod.class, Json.text(c, "period", WHAT))));
  }

  private static Optional<RateLimits> rateLimits(JsonNode l) {
    if (l == null || !l.isObject()) {
      return Optional.empty();
    }
    RateLimits limits =
        new RateLimits(
            positive(l, "rpm"), positive(l, "tpm"), positive(l, "key_rpm"), positive(l, "key_tpm"));
    // The gateway answers an object of nulls once limits are cleared: that is no limit at all.
    return limits.equals(RateLimits.none()) ? Optional.empty() : Optional.of(limits);
  }

  private static OptionalLong positive(JsonNode n, String field) {
    OptionalLong v = Json.optInteger(n, field);
    return v.isPresent() && v.getAsLong() >= 1 ? v : OptionalLong.empty();
  }

  private static <E extends Enum<E>> E enumValue(Class<E> type, String wire) {
    try {
      return Enum.valueOf(type, wire.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new SovereignProtocolException(
          WHAT + ": unknown " + type.getSimpleName() + " '" + wire + "'", e);
    }
  }

  /** A {@code /spend} answer. */
  public static Spend spend(JsonNode n) {
    return new Spend(
        Json.text(n, "tenant_id", WHAT),
        spendCap(n.get("spend_cap")),
        Json.optDecimal(n, "limit_usd"),
        Json.optDecimal(n, "remaining_usd"),
        Json.optText(n, "resets_at").map(AdminCodec::parseInstant));
  }

  /** A policy object. */
  public static Policy policy(JsonNode n) {
    return new Policy(
        Json.text(n, "id", WHAT), texts(n, "allowed_tenants"), texts(n, "default_for_tenants"));
  }

  private static List<String> texts(JsonNode n, String field) {
    List<String> out = new ArrayList<>();
    for (JsonNode x : Json.array(n, field, WHAT)) {
      out.add(x.asText());
    }
    return out;
  }

  /** A usage answer. */
  public static UsageReport usage(JsonNode n) {
    List<UsageRow> rows = new ArrayList<>();
    for (JsonNode r : Json.array(n, "data", WHAT)) {
      Map<UsageGroup, String> group = new EnumMap<>(UsageGroup.class);
      for (UsageGroup g : UsageGroup.values()) {
        Json.optText(r, g.wireName()).ifPresent(v -> group.put(g, v));
      }
      rows.add(
          new UsageRow(
              group,
              Json.integer(r, "requests", WHAT),
              Json.integer(r, "input_tokens", WHAT),
              Json.integer(r, "output_tokens", WHAT),
              Json.optDecimal(r, "cost_usd").orElse(BigDecimal.ZERO)));
    }
    return new UsageReport(date(n, "from"), date(n, "to"), rows);
  }

  private static LocalDate date(JsonNode n, String field) {
    String text = Json.text(n, field, WHAT);
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw new SovereignProtocolException(WHAT + ": malformed date '" + text + "'", e);
    }
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
        Json.optText(n, "source").orElse("config"),
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
