package io.sovereignrouter.gateway.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import io.sovereignrouter.gateway.TestGateway;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * Tenancy end to end through a real gateway — management API, spend caps, rate limits, suspension
 * and isolation — written once and run by one subclass per storage backend.
 */
abstract class TenancyContractIT {
  /** The gateway under test. */
  protected abstract TestGateway gateway();

  HttpResponse<String> admin(String method, String path, String body) {
    return gateway().admin(Duration.ofSeconds(20), method, path, body);
  }

  HttpResponse<String> post(String key, String path, String body) {
    return gateway()
        .send(
            HttpRequest.newBuilder(URI.create(gateway().origin() + path))
                .timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
  }

  HttpResponse<String> chat(String key, String model) {
    return post(
        key,
        "/v1/chat/completions",
        "{\"model\":\""
            + model
            + "\",\"max_tokens\":100,"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"hello there\"}]}");
  }

  /** A fresh tenant with {@code settings} (JSON members) and one key; returns {id, key}. */
  String[] tenantWithKey(String settings) {
    String name = "t-" + UUID.randomUUID().toString().substring(0, 8);
    HttpResponse<String> created =
        admin(
            "POST",
            "/admin/v1/tenants",
            "{\"name\":\"" + name + "\"" + (settings.isEmpty() ? "" : "," + settings) + "}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String id = new JsonObject(created.body()).getString("id");
    HttpResponse<String> key = admin("POST", "/admin/v1/tenants/" + id + "/keys", null);
    assertThat(key.statusCode()).as(key.body()).isEqualTo(201);
    return new String[] {id, new JsonObject(key.body()).getString("key")};
  }

  JsonObject usage(String tenantId, String groupBy) {
    HttpResponse<String> r =
        admin("GET", "/admin/v1/usage?tenant=" + tenantId + "&group_by=" + groupBy, null);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return new JsonObject(r.body());
  }

  long spentMicros(String tenantId) {
    JsonArray rows = usage(tenantId, "").getJsonArray("data");
    return rows.isEmpty()
        ? 0
        : Math.round(
            Double.parseDouble(rows.getJsonObject(0).getValue("cost_usd").toString()) * 1e6);
  }

  /**
   * Concurrent requests race for a $0.50 daily cap. Each holds its worst case (prompt estimate +
   * max_tokens at list price) before the provider is called, so settled spend never passes the cap
   * by more than one request's cost — here not at all, since real usage is below the hold.
   */
  @Test
  void spendCap_concurrentRequests_neverOvershoot_then402WithQuotaHeaders() throws Exception {
    String[] t = tenantWithKey("\"spend_cap\":{\"usd\":0.5,\"period\":\"day\"}");
    ExecutorService pool = Executors.newFixedThreadPool(16);
    List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
    try {
      for (int i = 0; i < 64; i++) {
        calls.add(CompletableFuture.supplyAsync(() -> chat(t[1], "priced-chat"), pool));
      }
      CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).join();
    } finally {
      pool.shutdown();
    }
    long ok = calls.stream().filter(c -> c.join().statusCode() == 200).count();
    List<HttpResponse<String>> refused =
        calls.stream().map(CompletableFuture::join).filter(r -> r.statusCode() == 402).toList();
    assertThat(ok + refused.size()).as("every answer is 200 or 402").isEqualTo(64);
    assertThat(ok).isPositive();
    assertThat(refused).isNotEmpty();
    HttpResponse<String> sample = refused.getFirst();
    assertThat(sample.headers().firstValue("X-Quota-Limit")).contains("0.5");
    assertThat(sample.headers().firstValue("X-Quota-Remaining")).isPresent();
    assertThat(sample.headers().firstValue("X-Quota-Reset")).isPresent();
    JsonObject error = new JsonObject(sample.body()).getJsonObject("error");
    assertThat(error.getString("code")).isEqualTo("spend_cap_exceeded");
    assertThat(error.getString("type")).isEqualTo("insufficient_quota");

    long spent = spentMicros(t[0]);
    long perRequest = spent / ok;
    assertThat(spent).as("settled spend").isLessThanOrEqualTo(500_000);
    System.out.printf(
        "spend-cap race (%s): 64 concurrent, %d served, %d refused 402, spent %d µ$ of 500000,"
            + " overshoot %d µ$ (bound: one request = %d µ$)%n",
        getClass().getSimpleName(),
        ok,
        refused.size(),
        spent,
        Math.max(0, spent - 500_000),
        perRequest);

    // Sequentially the cap fills up to within one hold of the limit, and never past it.
    int sequential = 0;
    while (chat(t[1], "priced-chat").statusCode() == 200) {
      sequential++;
      assertThat(sequential).as("the cap must stop requests").isLessThan(64);
    }
    long filled = spentMicros(t[0]);
    assertThat(filled).isLessThanOrEqualTo(500_000);
    assertThat(500_000 - filled).as("room left below one worst-case hold").isLessThan(210_000);

    HttpResponse<String> spend = admin("GET", "/admin/v1/tenants/" + t[0] + "/spend", null);
    assertThat(new JsonObject(spend.body()).getString("period")).isEqualTo("day");
  }

  @Test
  void estimate_answersTheHold_withoutSpending() {
    String[] t = tenantWithKey("\"spend_cap\":{\"usd\":1,\"period\":\"day\"}");
    HttpResponse<String> r =
        post(
            t[1],
            "/v1/estimate",
            "{\"model\":\"priced-fallback\",\"max_tokens\":50,"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"hello there\"}]}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonObject e = new JsonObject(r.body());
    long input = e.getLong("input_tokens");
    assertThat(e.getLong("max_output_tokens")).isEqualTo(50);
    assertThat(e.getJsonArray("candidates")).hasSize(2);
    assertThat(new java.math.BigDecimal(e.getValue("max_cost_usd").toString()))
        .isEqualByComparingTo(java.math.BigDecimal.valueOf(input * 1000 + 50 * 2000, 6));
    assertThat(e.getJsonObject("quota").getValue("limit_usd").toString()).isEqualTo("1");
    assertThat(e.getBoolean("within_cap")).isTrue();
    HttpResponse<String> big =
        post(
            t[1],
            "/v1/estimate",
            "{\"model\":\"priced-chat\",\"max_tokens\":60000,"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
    assertThat(new JsonObject(big.body()).getBoolean("within_cap")).isFalse();
    assertThat(spentMicros(t[0])).as("estimates spend nothing").isZero();
    assertThat(post(t[1], "/v1/estimate", "{\"model\":\"nope\",\"messages\":[]}").statusCode())
        .isIn(400, 404);
  }

  @Test
  void fallbackAndEmbeddings_settleOnceAtTheServingPrice() {
    String[] t = tenantWithKey("\"spend_cap\":{\"usd\":100,\"period\":\"month\"}");
    HttpResponse<String> r = chat(t[1], "priced-fallback");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(r.headers().firstValue("X-SF-Attempts").orElseThrow()).contains("\"flaky\"");
    JsonObject usage = new JsonObject(r.body()).getJsonObject("usage");
    long expected =
        usage.getLong("prompt_tokens") * 1000 + usage.getLong("completion_tokens") * 2000;
    JsonObject attestation = new JsonObject(r.body()).getJsonObject("_sf_attestation");
    assertThat(attestation).isNotNull();

    HttpResponse<String> e =
        post(t[1], "/v1/embeddings", "{\"model\":\"priced-embed\",\"input\":\"some text\"}");
    assertThat(e.statusCode()).as(e.body()).isEqualTo(200);
    long embedCost =
        new JsonObject(e.body()).getJsonObject("usage").getLong("prompt_tokens") * 1000;

    JsonArray rows = usage(t[0], "provider,model").getJsonArray("data");
    assertThat(rows).hasSize(2);
    assertThat(spentMicros(t[0])).isEqualTo(expected + embedCost);
    JsonObject chatRow =
        rows.stream()
            .map(JsonObject.class::cast)
            .filter(o -> o.getString("model").equals("priced-fallback"))
            .findFirst()
            .orElseThrow();
    assertThat(chatRow.getString("provider"))
        .as("charged to the provider that served")
        .isEqualTo("mock");
    assertThat(chatRow.getLong("requests")).isEqualTo(1);
  }

  @Test
  void tenantScanRules_customRuleBlocks_allowListExempts_badPattern400() {
    String[] t = tenantWithKey("\"leak_scan_action\":\"block\"");
    String token = "acme_" + "3f9a".repeat(8);
    String body =
        "{\"model\":\"priced-chat\",\"messages\":[{\"role\":\"user\",\"content\":\"key "
            + token
            + "\"}]}";
    assertThat(post(t[1], "/v1/chat/completions", body).statusCode())
        .as("no built-in rule knows this format")
        .isEqualTo(200);
    HttpResponse<String> patched =
        admin(
            "PATCH",
            "/admin/v1/tenants/" + t[0],
            "{\"leak_scan_rules\":[{\"id\":\"acme-token\",\"regex\":\"acme_[a-f0-9]{32}\","
                + "\"keywords\":[\"acme_\"]}]}");
    assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
    HttpResponse<String> blocked = post(t[1], "/v1/chat/completions", body);
    assertThat(blocked.statusCode()).isEqualTo(400);
    assertThat(blocked.body()).contains("credential_leak", "acme-token").doesNotContain(token);

    HttpResponse<String> allowed =
        admin(
            "PATCH",
            "/admin/v1/tenants/" + t[0],
            "{\"leak_scan_allow\":{\"patterns\":[\"^acme_(3f9a){8}$\"]}}");
    assertThat(allowed.statusCode()).as(allowed.body()).isEqualTo(200);
    assertThat(post(t[1], "/v1/chat/completions", body).statusCode()).isEqualTo(200);

    HttpResponse<String> bad =
        admin(
            "PATCH",
            "/admin/v1/tenants/" + t[0],
            "{\"leak_scan_rules\":[{\"id\":\"broken\",\"regex\":\"(unclosed\"}]}");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(new JsonObject(bad.body()).getString("field")).isEqualTo("leak_scan_rules");
    HttpResponse<String> clash =
        admin(
            "PATCH",
            "/admin/v1/tenants/" + t[0],
            "{\"leak_scan_rules\":[{\"id\":\"x\",\"regex\":\"a\",\"keywords\":[\"a\"]},"
                + "{\"id\":\"x\",\"regex\":\"b\",\"keywords\":[\"b\"]}]}");
    assertThat(clash.statusCode()).isEqualTo(400);
  }

  @Test
  void streaming_settlesRealUsage_evenWhenTheClientDidNotAskForIt() {
    String[] t = tenantWithKey("\"spend_cap\":{\"usd\":100,\"period\":\"month\"}");
    HttpResponse<String> withUsage =
        post(
            t[1],
            "/v1/chat/completions",
            "{\"model\":\"priced-chat\",\"max_tokens\":100,\"stream\":true,"
                + "\"stream_options\":{\"include_usage\":true},"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"hello there\"}]}");
    assertThat(withUsage.statusCode()).isEqualTo(200);
    assertThat(withUsage.body()).contains("\"completion_tokens\":16").endsWith("data: [DONE]\n\n");
    long first = spentMicros(t[0]);
    assertThat(first)
        .as("16 completion tokens at 2000 µ$ plus the prompt")
        .isBetween(32_000L, 100_000L);

    // The gateway asks the provider for usage to meter the stream, and keeps that chunk to itself.
    HttpResponse<String> withoutUsage =
        post(
            t[1],
            "/v1/chat/completions",
            "{\"model\":\"priced-chat\",\"max_tokens\":100,\"stream\":true,"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"hello there\"}]}");
    assertThat(withoutUsage.statusCode()).isEqualTo(200);
    assertThat(withoutUsage.body())
        .as("no usage-only chunk reaches a client that did not ask for one")
        .doesNotContain("\"choices\":[]")
        .endsWith("data: [DONE]\n\n");
    assertThat(spentMicros(t[0]) - first).as("charged real usage, not the hold").isEqualTo(first);
    assertThat(usage(t[0], "").getJsonArray("data").getJsonObject(0).getLong("requests"))
        .isEqualTo(2);
  }

  @Test
  void rateLimit_requestsPerMinute_429WithRetryAfter_andHeadersOnEveryResponse() {
    String[] t = tenantWithKey("\"rate_limits\":{\"key_rpm\":3}");
    List<HttpResponse<String>> answers = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      answers.add(chat(t[1], "priced-chat"));
    }
    for (int i = 0; i < 3; i++) {
      HttpResponse<String> r = answers.get(i);
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      assertThat(r.headers().firstValue("x-ratelimit-limit-requests")).contains("3");
      // A new minute may start mid-test; then the count restarts, never goes the wrong way.
      assertThat(r.headers().firstValue("x-ratelimit-remaining-requests")).isPresent();
      assertThat(r.headers().firstValue("x-ratelimit-reset-requests")).isPresent();
    }
    // Four calls fit only if a minute boundary fell between them; then the next window fills.
    HttpResponse<String> limited = answers.get(3);
    for (int i = 0; i < 3 && limited.statusCode() == 200; i++) {
      limited = chat(t[1], "priced-chat");
    }
    assertThat(limited.statusCode()).as(limited.body()).isEqualTo(429);
    assertThat(limited.headers().firstValue("Retry-After")).isPresent();
    assertThat(Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow()))
        .isBetween(1L, 60L);
    assertThat(limited.headers().firstValue("x-ratelimit-remaining-requests")).contains("0");
    assertThat(new JsonObject(limited.body()).getJsonObject("error").getString("code"))
        .isEqualTo("rate_limit_exceeded");
  }

  @Test
  void rateLimit_tokensPerMinute_holdsTheEstimate_thenCountsRealUsage() {
    // A call holds its prompt estimate + max_tokens (100); real usage (about 25) replaces the hold
    // when it settles. With 150 tokens a minute two holds never fit at once (216), yet a second
    // sequential call fits because the first gave back what it did not use.
    String[] t = tenantWithKey("\"rate_limits\":{\"tpm\":150}");
    for (int i = 0; i < 2; i++) {
      HttpResponse<String> r = chat(t[1], "priced-chat");
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      assertThat(r.headers().firstValue("x-ratelimit-limit-tokens")).contains("150");
    }
    HttpResponse<String> tooBig =
        post(
            t[1],
            "/v1/chat/completions",
            "{\"model\":\"priced-chat\",\"max_tokens\":500,"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
    assertThat(tooBig.statusCode()).as(tooBig.body()).isEqualTo(429);
    assertThat(tooBig.headers().firstValue("Retry-After")).isPresent();
    assertThat(new JsonObject(tooBig.body()).getJsonObject("error").getString("type"))
        .isEqualTo("tokens");
  }

  @Test
  void suspend_refusesEveryKey_unsuspendRestores_bothAudited() {
    String[] t = tenantWithKey("");
    HttpResponse<String> bad = admin("POST", "/admin/v1/tenants/" + t[0] + "/suspend", "{}");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(new JsonObject(bad.body()).getString("field")).isEqualTo("reason");

    HttpResponse<String> s =
        admin("POST", "/admin/v1/tenants/" + t[0] + "/suspend", "{\"reason\":\"invoice overdue\"}");
    assertThat(s.statusCode()).as(s.body()).isEqualTo(200);
    JsonObject suspended = new JsonObject(s.body());
    assertThat(suspended.getBoolean("suspended")).isTrue();
    assertThat(suspended.getString("suspended_reason")).isEqualTo("invoice overdue");
    assertThat(suspended.getLong("log_index")).isNotNull();
    HttpResponse<String> refused = chat(t[1], "priced-chat");
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(new JsonObject(refused.body()).getJsonObject("error").getString("code"))
        .isEqualTo("tenant_suspended");
    assertThat(refused.body()).doesNotContain("invoice");

    HttpResponse<String> u = admin("POST", "/admin/v1/tenants/" + t[0] + "/unsuspend", null);
    assertThat(u.statusCode()).isEqualTo(200);
    assertThat(new JsonObject(u.body()).getLong("log_index"))
        .isGreaterThan(suspended.getLong("log_index"));
    assertThat(chat(t[1], "priced-chat").statusCode()).isEqualTo(200);
  }

  @Test
  void isolation_oneTenantsKeyCannotReadOrSpendAnothers() {
    String[] a = tenantWithKey("");
    String[] b = tenantWithKey("\"spend_cap\":{\"usd\":1,\"period\":\"day\"}");
    HttpResponse<String> served = chat(b[1], "priced-chat");
    String decision = served.headers().firstValue("X-SF-Route-Decision").orElseThrow();
    HttpResponse<String> own =
        gateway()
            .send(
                HttpRequest.newBuilder(
                        URI.create(gateway().origin() + "/v1/attestations/" + decision))
                    .header("Authorization", "Bearer " + b[1])
                    .build());
    assertThat(own.statusCode()).isEqualTo(200);
    HttpResponse<String> foreign =
        gateway()
            .send(
                HttpRequest.newBuilder(
                        URI.create(gateway().origin() + "/v1/attestations/" + decision))
                    .header("Authorization", "Bearer " + a[1])
                    .build());
    assertThat(foreign.statusCode()).isEqualTo(404);

    long before = spentMicros(b[0]);
    for (int i = 0; i < 3; i++) {
      assertThat(chat(a[1], "priced-chat").statusCode()).isEqualTo(200);
    }
    assertThat(spentMicros(b[0])).as("A's calls never charge B").isEqualTo(before);
    assertThat(usage(a[0], "tenant").getJsonArray("data").getJsonObject(0).getString("tenant"))
        .isEqualTo(a[0]);
    // A key only acts for its own tenant on the admin API too.
    String bKeyId = b[1].substring("sk-router-".length(), b[1].indexOf('_'));
    assertThat(admin("DELETE", "/admin/v1/tenants/" + a[0] + "/keys/" + bKeyId, null).statusCode())
        .isEqualTo(404);
    assertThat(chat(b[1], "priced-chat").statusCode()).isEqualTo(200);
  }

  @Test
  void adminValidation_400NamesTheField_andNothingIsPartiallyWritten() {
    String[] t = tenantWithKey("\"max_active_keys\":1");
    HttpResponse<String> quota = admin("POST", "/admin/v1/tenants/" + t[0] + "/keys", null);
    assertThat(quota.statusCode()).isEqualTo(409);

    record Case(String body, String field) {}
    for (Case c :
        List.of(
            new Case("{\"allowed_policies\":[\"nope\"]}", "allowed_policies"),
            new Case(
                "{\"allowed_policies\":[\"standard\"],\"default_policy\":\"dev-open\"}",
                "default_policy"),
            new Case("{\"spend_cap\":{\"usd\":-1,\"period\":\"day\"}}", "spend_cap.usd"),
            new Case("{\"spend_cap\":{\"usd\":1,\"period\":\"week\"}}", "spend_cap.period"),
            new Case("{\"rate_limits\":{\"rpm\":0}}", "rate_limits.rpm"),
            new Case("{\"rate_limits\":{\"rpn\":5}}", "rate_limits.rpn"),
            new Case("{\"leak_scan_action\":\"shred\"}", "leak_scan_action"),
            new Case("{\"max_active_keys\":1.5}", "max_active_keys"),
            new Case("{\"colour\":\"blue\"}", "colour"),
            new Case("{\"name\":\"renamed\"}", "name"),
            new Case("[1,2]", "body"),
            new Case("{\"leak_scan_action\":\"block\",\"spend_cap\":7}", "spend_cap"))) {
      HttpResponse<String> r = admin("PATCH", "/admin/v1/tenants/" + t[0], c.body());
      assertThat(r.statusCode()).as(c.body() + " → " + r.body()).isEqualTo(400);
      assertThat(r.headers().firstValue("Content-Type")).contains("application/problem+json");
      assertThat(new JsonObject(r.body()).getString("field")).as(c.body()).isEqualTo(c.field());
    }
    JsonObject unchanged = new JsonObject(admin("GET", "/admin/v1/tenants/" + t[0], null).body());
    assertThat(unchanged.getString("leak_scan_action")).as("no partial write").isEqualTo("redact");
    assertThat(unchanged.getValue("spend_cap")).isNull();

    HttpResponse<String> ok =
        admin(
            "PATCH",
            "/admin/v1/tenants/" + t[0],
            "{\"allowed_policies\":[\"standard\",\"dev-open\"],\"default_policy\":\"dev-open\","
                + "\"spend_cap\":{\"usd\":12.5,\"period\":\"month\"},\"rate_limits\":{\"rpm\":100}}");
    assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
    JsonObject patched = new JsonObject(ok.body());
    assertThat(patched.getString("default_policy")).isEqualTo("dev-open");
    assertThat(patched.getJsonObject("spend_cap").getValue("usd").toString()).isEqualTo("12.5");
    assertThat(patched.getJsonObject("rate_limits").getInteger("rpm")).isEqualTo(100);
    assertThat(patched.getLong("log_index")).isNotNull();

    assertThat(admin("PATCH", "/admin/v1/tenants/tn_missing", "{}").statusCode()).isEqualTo(404);
    assertThat(admin("GET", "/admin/v1/tenants/tn_missing", null).statusCode()).isEqualTo(404);
    assertThat(admin("GET", "/admin/v1/usage?from=2026-13-01", null).statusCode()).isEqualTo(400);
    assertThat(admin("GET", "/admin/v1/usage?group_by=colour", null).statusCode()).isEqualTo(400);

    JsonArray policies =
        new JsonObject(admin("GET", "/admin/v1/policies", null).body()).getJsonArray("data");
    assertThat(policies.stream().map(p -> ((JsonObject) p).getString("id")))
        .contains("standard", "dev-open", "clinical-strict");

    assertThat(admin("DELETE", "/admin/v1/tenants/" + t[0], null).statusCode()).isEqualTo(200);
    assertThat(chat(t[1], "priced-chat").statusCode()).as("deleted tenant's key").isEqualTo(401);
    assertThat(admin("DELETE", "/admin/v1/tenants/" + t[0], null).statusCode()).isEqualTo(404);
  }
}
