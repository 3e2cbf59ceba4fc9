package io.sovereignrouter.gateway.admin;

import io.sovereignrouter.gateway.spend.SpendLedger;
import io.sovereignrouter.gateway.spend.UsageQuery;
import io.sovereignrouter.gateway.spend.UsageQuery.Dimension;
import io.sovereignrouter.gateway.tenancy.TenantSettingsJson;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * {@code GET /admin/v1/usage?from=YYYY-MM-DD&to=YYYY-MM-DD&tenant=ID&group_by=tenant,key,...}:
 * requests, tokens and cost grouped by any of {@code day, tenant, key, provider, model}.
 */
final class UsageAdmin {
  /** Longest range one report may cover. */
  static final int MAX_DAYS = 366;

  private final SpendLedger ledger;

  UsageAdmin(SpendLedger ledger) {
    this.ledger = ledger;
  }

  void mount(Router router) {
    router.get("/admin/v1/usage").handler(this::usage);
  }

  private void usage(RoutingContext ctx) {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    LocalDate to = date(ctx, "to", today);
    LocalDate from = date(ctx, "from", to.withDayOfMonth(1));
    if (to.isBefore(from) || from.plusDays(MAX_DAYS).isBefore(to)) {
      throw AdminProblem.invalid(
          "from", "from must not be after to, and the range at most " + MAX_DAYS + " days");
    }
    Optional<String> tenant = Optional.ofNullable(ctx.queryParams().get("tenant"));
    UsageQuery query = new UsageQuery(from, to, tenant, groupBy(ctx.queryParams().get("group_by")));
    AdminReplies.reply(
        ctx,
        200,
        () ->
            ledger
                .usage(query)
                .map(
                    rows -> {
                      JsonArray data = new JsonArray();
                      rows.forEach(
                          r -> {
                            JsonObject row = new JsonObject();
                            r.group()
                                .forEach((d, v) -> row.put(d.name().toLowerCase(Locale.ROOT), v));
                            data.add(
                                row.put("requests", r.requests())
                                    .put("input_tokens", r.inputTokens())
                                    .put("output_tokens", r.outputTokens())
                                    .put("cost_usd", TenantSettingsJson.usd(r.costMicros())));
                          });
                      return new JsonObject()
                          .put("from", from.toString())
                          .put("to", to.toString())
                          .put("data", data);
                    }));
  }

  private static LocalDate date(RoutingContext ctx, String name, LocalDate fallback) {
    String value = ctx.queryParams().get(name);
    if (value == null) {
      return fallback;
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw AdminProblem.invalid(name, name + " must be a date YYYY-MM-DD");
    }
  }

  private static Set<Dimension> groupBy(String value) {
    Set<Dimension> out = EnumSet.noneOf(Dimension.class);
    if (value == null || value.isBlank()) {
      return out;
    }
    for (String part : value.split(",")) {
      try {
        out.add(Dimension.valueOf(part.trim().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw AdminProblem.invalid(
            "group_by", "group_by takes day, tenant, key, provider, model; saw '" + part + "'");
      }
    }
    return out;
  }
}
