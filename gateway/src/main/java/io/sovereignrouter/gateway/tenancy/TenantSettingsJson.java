package io.sovereignrouter.gateway.tenancy;

import io.sovereignrouter.gateway.scan.LeakAction;
import io.sovereignrouter.gateway.scan.ScanException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;

/**
 * The one wire form of {@link TenantSettings}, used by the admin API and by both storage backends.
 * Parsing is strict: unknown fields, wrong types and out-of-range values fail with the field name.
 */
public final class TenantSettingsJson {
  private static final Set<String> FIELDS =
      Set.of(
          "allowed_policies",
          "default_policy",
          "spend_cap",
          "rate_limits",
          "leak_scan_action",
          "max_active_keys",
          "leak_scan_rules",
          "leak_scan_allow");
  private static final Set<String> RULE_FIELDS =
      Set.of("id", "regex", "keywords", "secret_group", "min_entropy");
  private static final Set<String> ALLOW_FIELDS =
      Set.of("fingerprints", "patterns", "disabled_rules");
  private static final Set<String> CAP_FIELDS = Set.of("usd", "period");
  private static final Set<String> LIMIT_FIELDS = Set.of("rpm", "tpm", "key_rpm", "key_tpm");
  private static final BigDecimal MICROS = BigDecimal.valueOf(1_000_000);
  private static final BigDecimal MAX_USD = BigDecimal.valueOf(1_000_000_000L);

  private TenantSettingsJson() {}

  /** Renders settings; absent caps and limits are JSON nulls. */
  public static JsonObject format(TenantSettings s) {
    RateLimits l = s.rateLimits();
    return new JsonObject()
        .put("allowed_policies", new JsonArray(s.allowedPolicies()))
        .put("default_policy", s.defaultPolicy())
        .put(
            "spend_cap",
            s.spendCap()
                .map(
                    c ->
                        new JsonObject()
                            .put("usd", usd(c.limitMicros()))
                            .put("period", c.period().wireName()))
                .orElse(null))
        .put(
            "rate_limits",
            new JsonObject()
                .put("rpm", orNull(l.requestsPerMinute()))
                .put("tpm", orNull(l.tokensPerMinute()))
                .put("key_rpm", orNull(l.keyRequestsPerMinute()))
                .put("key_tpm", orNull(l.keyTokensPerMinute())))
        .put("leak_scan_action", s.leakScanAction().configValue())
        .put("max_active_keys", s.maxActiveKeys())
        .put("leak_scan_rules", rules(s.scan()))
        .put(
            "leak_scan_allow",
            new JsonObject()
                .put("fingerprints", new JsonArray(s.scan().allowFingerprints()))
                .put("patterns", new JsonArray(s.scan().allowPatterns()))
                .put("disabled_rules", new JsonArray(s.scan().disabledRules())));
  }

  /**
   * Applies the fields present in {@code patch} over {@code base} (absent fields keep their value;
   * {@code null} clears a cap or limit).
   *
   * @throws InvalidSettingException naming the first bad field
   */
  public static TenantSettings merge(TenantSettings base, JsonObject patch) {
    unknown(patch, FIELDS, "");
    List<String> allowed =
        patch.containsKey("allowed_policies")
            ? policies(patch.getValue("allowed_policies"))
            : base.allowedPolicies();
    String defaultPolicy =
        patch.containsKey("default_policy")
            ? policyId(patch.getValue("default_policy"), "default_policy")
            : base.defaultPolicy();
    if (!patch.containsKey("default_policy") && !allowed.contains(defaultPolicy)) {
      // Narrowing the allowed set without naming a default picks its first entry.
      defaultPolicy = allowed.get(0);
    }
    Optional<SpendCap> cap =
        patch.containsKey("spend_cap") ? spendCap(patch.getValue("spend_cap")) : base.spendCap();
    RateLimits limits =
        patch.containsKey("rate_limits")
            ? limits(patch.getValue("rate_limits"), base.rateLimits())
            : base.rateLimits();
    LeakAction action =
        patch.containsKey("leak_scan_action")
            ? leakAction(patch.getValue("leak_scan_action"))
            : base.leakScanAction();
    int maxKeys =
        patch.containsKey("max_active_keys")
            ? (int)
                whole(
                    patch.getValue("max_active_keys"), "max_active_keys", TenantSettings.KEY_LIMIT)
            : base.maxActiveKeys();
    ScanSettings scan = base.scan();
    if (patch.containsKey("leak_scan_rules")) {
      scan =
          new ScanSettings(
              parseRules(patch.getValue("leak_scan_rules")),
              scan.allowFingerprints(),
              scan.allowPatterns(),
              scan.disabledRules());
    }
    if (patch.containsKey("leak_scan_allow")) {
      scan = parseAllow(patch.getValue("leak_scan_allow"), scan.rules());
    }
    return new TenantSettings(allowed, defaultPolicy, cap, limits, action, maxKeys, scan);
  }

  private static JsonArray rules(ScanSettings scan) {
    JsonArray out = new JsonArray();
    for (ScanSettings.CustomRule r : scan.rules()) {
      out.add(
          new JsonObject()
              .put("id", r.id())
              .put("regex", r.regex())
              .put("keywords", new JsonArray(r.keywords()))
              .put("secret_group", r.secretGroup())
              .put("min_entropy", r.minEntropy()));
    }
    return out;
  }

  private static List<ScanSettings.CustomRule> parseRules(Object value) {
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof JsonArray array) || array.size() > ScanSettings.MAX_RULES) {
      throw new InvalidSettingException(
          "leak_scan_rules", "must be an array of at most " + ScanSettings.MAX_RULES + " rules");
    }
    List<ScanSettings.CustomRule> out = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      String at = "leak_scan_rules[" + i + "]";
      if (!(array.getValue(i) instanceof JsonObject rule)) {
        throw new InvalidSettingException(at, "must be an object {id, regex, keywords, ...}");
      }
      unknown(rule, RULE_FIELDS, at + ".");
      if (!(rule.getValue("id") instanceof String id) || !id.matches("[a-z0-9][a-z0-9._-]{0,79}")) {
        throw new InvalidSettingException(at + ".id", "must match [a-z0-9][a-z0-9._-]{0,79}");
      }
      if (!(rule.getValue("regex") instanceof String regex)
          || regex.isEmpty()
          || regex.length() > 1024) {
        throw new InvalidSettingException(at + ".regex", "must be an RE2 pattern of 1-1024 chars");
      }
      List<String> keywords = strings(rule.getValue("keywords"), at + ".keywords", 16, 64);
      long group =
          rule.getValue("secret_group") == null
              ? 0
              : rule.getValue("secret_group") instanceof Number n
                      && n.intValue() >= 0
                      && n.intValue() <= 9
                  ? n.intValue()
                  : -1;
      if (group < 0) {
        throw new InvalidSettingException(at + ".secret_group", "must be an integer in 0..9");
      }
      Object entropy = rule.getValue("min_entropy", 0);
      if (!(entropy instanceof Number e) || e.doubleValue() < 0 || e.doubleValue() > 8) {
        throw new InvalidSettingException(at + ".min_entropy", "must be a number in 0..8");
      }
      out.add(new ScanSettings.CustomRule(id, regex, keywords, (int) group, e.doubleValue()));
    }
    return out;
  }

  private static ScanSettings parseAllow(Object value, List<ScanSettings.CustomRule> rules) {
    if (value == null) {
      return new ScanSettings(rules, List.of(), List.of(), List.of());
    }
    if (!(value instanceof JsonObject allow)) {
      throw new InvalidSettingException("leak_scan_allow", "must be an object or null");
    }
    unknown(allow, ALLOW_FIELDS, "leak_scan_allow.");
    List<String> fingerprints =
        strings(allow.getValue("fingerprints"), "leak_scan_allow.fingerprints", 1000, 64);
    for (String f : fingerprints) {
      if (!f.matches("[0-9a-f]{16}")) {
        throw new InvalidSettingException(
            "leak_scan_allow.fingerprints", "must hold 16-hex-digit finding fingerprints");
      }
    }
    return new ScanSettings(
        rules,
        fingerprints,
        strings(allow.getValue("patterns"), "leak_scan_allow.patterns", 100, 1024),
        strings(allow.getValue("disabled_rules"), "leak_scan_allow.disabled_rules", 500, 80));
  }

  private static List<String> strings(Object value, String field, int maxItems, int maxLength) {
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof JsonArray array) || array.size() > maxItems) {
      throw new InvalidSettingException(
          field, "must be an array of at most " + maxItems + " strings");
    }
    List<String> out = new ArrayList<>();
    for (Object item : array) {
      if (!(item instanceof String s) || s.isEmpty() || s.length() > maxLength) {
        throw new InvalidSettingException(
            field, "must hold non-empty strings of at most " + maxLength + " characters");
      }
      out.add(s);
    }
    return out;
  }

  /** Parses stored settings (the full form {@link #format} wrote). */
  public static TenantSettings parse(String stored) {
    return merge(TenantSettings.DEFAULT, new JsonObject(stored));
  }

  private static List<String> policies(Object value) {
    if (!(value instanceof JsonArray array)) {
      throw new InvalidSettingException("allowed_policies", "must be an array of policy ids");
    }
    List<String> out = new ArrayList<>();
    for (Object item : array) {
      out.add(policyId(item, "allowed_policies"));
    }
    return out;
  }

  private static String policyId(Object value, String field) {
    if (!(value instanceof String s) || !s.matches("[a-z0-9][a-z0-9_-]{0,63}")) {
      throw new InvalidSettingException(
          field, "must hold policy ids (lowercase letters, digits, '-', '_')");
    }
    return s;
  }

  private static Optional<SpendCap> spendCap(Object value) {
    if (value == null) {
      return Optional.empty();
    }
    if (!(value instanceof JsonObject cap)) {
      throw new InvalidSettingException("spend_cap", "must be an object {usd, period} or null");
    }
    unknown(cap, CAP_FIELDS, "spend_cap.");
    if (!(cap.getValue("usd") instanceof Number n)) {
      throw new InvalidSettingException("spend_cap.usd", "must be a number");
    }
    BigDecimal usd = new BigDecimal(n.toString());
    if (usd.signum() < 0 || usd.compareTo(MAX_USD) > 0 || usd.scale() > 6) {
      throw new InvalidSettingException(
          "spend_cap.usd", "must be between 0 and " + MAX_USD + " with at most 6 decimals");
    }
    String period = cap.getValue("period") instanceof String text ? text : "";
    SpendCap.Period p =
        switch (period) {
          case "day" -> SpendCap.Period.DAY;
          case "month" -> SpendCap.Period.MONTH;
          default ->
              throw new InvalidSettingException("spend_cap.period", "must be 'day' or 'month'");
        };
    return Optional.of(new SpendCap(usd.multiply(MICROS).longValueExact(), p));
  }

  private static RateLimits limits(Object value, RateLimits base) {
    if (value == null) {
      return RateLimits.NONE;
    }
    if (!(value instanceof JsonObject json)) {
      throw new InvalidSettingException("rate_limits", "must be an object or null");
    }
    unknown(json, LIMIT_FIELDS, "rate_limits.");
    Function<String, OptionalLong> field =
        name -> {
          Object v = json.getValue(name);
          return v == null
              ? OptionalLong.empty()
              : OptionalLong.of(whole(v, "rate_limits." + name, 100_000_000L));
        };
    return new RateLimits(
        json.containsKey("rpm") ? field.apply("rpm") : base.requestsPerMinute(),
        json.containsKey("tpm") ? field.apply("tpm") : base.tokensPerMinute(),
        json.containsKey("key_rpm") ? field.apply("key_rpm") : base.keyRequestsPerMinute(),
        json.containsKey("key_tpm") ? field.apply("key_tpm") : base.keyTokensPerMinute());
  }

  private static LeakAction leakAction(Object value) {
    try {
      return LeakAction.parse(value instanceof String s ? s : "");
    } catch (ScanException e) {
      throw new InvalidSettingException("leak_scan_action", "must be redact, block or log");
    }
  }

  private static long whole(Object value, String field, long max) {
    if (!(value instanceof Number n)
        || n.doubleValue() != Math.rint(n.doubleValue())
        || n.longValue() < 1
        || n.longValue() > max) {
      throw new InvalidSettingException(field, "must be an integer in 1.." + max);
    }
    return n.longValue();
  }

  private static void unknown(JsonObject json, Set<String> known, String prefix) {
    for (String name : json.fieldNames()) {
      if (!known.contains(name)) {
        throw new InvalidSettingException(prefix + name, "is not a known field");
      }
    }
  }

  private static Object orNull(OptionalLong value) {
    return value.isPresent() ? value.getAsLong() : null;
  }

  /** Micro-dollars as a JSON number of dollars. */
  public static BigDecimal usd(long micros) {
    return BigDecimal.valueOf(micros)
        .divide(MICROS, 6, RoundingMode.UNNECESSARY)
        .stripTrailingZeros();
  }
}
