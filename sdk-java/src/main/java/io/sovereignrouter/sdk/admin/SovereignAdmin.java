package io.sovereignrouter.sdk.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sovereignrouter.sdk.ApiException;
import io.sovereignrouter.sdk.RequestOptions;
import io.sovereignrouter.sdk.RetryPolicy;
import io.sovereignrouter.sdk.SovereignException;
import io.sovereignrouter.sdk.internal.AdminCodec;
import io.sovereignrouter.sdk.internal.Json;
import io.sovereignrouter.sdk.internal.Transport;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Client for the gateway's admin API (its own listener, loopback by default). Blocking;
 * thread-safe.
 *
 * <pre>{@code
 * SovereignAdmin admin = SovereignAdmin.builder()
 *     .baseUrl("http://127.0.0.1:8081").adminToken(token).build();
 * Tenant acme = admin.createTenant("acme").value();
 * String apiKey = admin.createKey(acme.id()).value().apiKey();
 * }</pre>
 *
 * Every method throws {@link ApiException} subclasses on error answers (401 wrong token, 404
 * unknown tenant or key, 409 duplicate, 400 invalid value with {@code param} naming the field) and
 * {@link SovereignException} on connection or protocol failure. Administrative changes are not
 * retried (they are not idempotent); reads are, per the {@link RetryPolicy}.
 */
public final class SovereignAdmin {
  private final Transport reads;
  private final Transport writes;

  private SovereignAdmin(Builder b) {
    HttpClient http =
        b.http != null
            ? b.http
            : HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    this.reads = new Transport(http, b.baseUrl, b.token, b.timeout, b.retry);
    this.writes = new Transport(http, b.baseUrl, b.token, b.timeout, RetryPolicy.none());
  }

  /**
   * A builder; {@link Builder#baseUrl} and {@link Builder#adminToken} are required.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Lists tenants ({@code GET /admin/v1/tenants}).
   *
   * @return every tenant
   */
  public List<Tenant> tenants() {
    return AdminCodec.list(get("/admin/v1/tenants"), AdminCodec::tenant);
  }

  /**
   * Creates a tenant ({@code POST /admin/v1/tenants}).
   *
   * @param name 1-64 characters of letters, digits, space, {@code . _ -}
   * @return the tenant and its audit-log entry
   * @throws io.sovereignrouter.sdk.ConflictException if the name is taken
   */
  public Audited<Tenant> createTenant(String name) {
    return createTenant(name, TenantUpdate.none());
  }

  /**
   * Creates a tenant with settings ({@code POST /admin/v1/tenants}); unset ones take the gateway's
   * defaults.
   *
   * @param name 1-64 characters of letters, digits, space, {@code . _ -}
   * @param settings policies, spend cap, rate limits, leak-scan action, key limit
   * @return the tenant and its audit-log entry
   * @throws io.sovereignrouter.sdk.BadRequestException if a value is invalid ({@code param} names
   *     the field)
   * @throws io.sovereignrouter.sdk.ConflictException if the name is taken
   */
  public Audited<Tenant> createTenant(String name, TenantUpdate settings) {
    ObjectNode body = Json.object().put("name", name);
    body.setAll(body(settings));
    return audited(post("/admin/v1/tenants", body), AdminCodec::tenant);
  }

  /**
   * Reads one tenant ({@code GET /admin/v1/tenants/{id}}).
   *
   * @param tenantId the tenant
   * @return the tenant
   * @throws io.sovereignrouter.sdk.NotFoundException if there is none
   */
  public Tenant tenant(String tenantId) {
    return AdminCodec.tenant(get(tenantPath(tenantId)));
  }

  /**
   * Changes a tenant's settings ({@code PATCH /admin/v1/tenants/{id}}): only the fields the update
   * names; nothing changes when a value is invalid.
   *
   * @param tenantId the tenant
   * @param update the changes
   * @return the tenant as it now is, and the audit-log entry
   * @throws io.sovereignrouter.sdk.BadRequestException if a value is invalid ({@code param} names
   *     the field)
   */
  public Audited<Tenant> updateTenant(String tenantId, TenantUpdate update) {
    return audited(write("PATCH", tenantPath(tenantId), body(update)), AdminCodec::tenant);
  }

  /**
   * Deletes a tenant and its keys ({@code DELETE /admin/v1/tenants/{id}}); usage history is kept.
   *
   * @param tenantId the tenant
   * @return its id and the audit-log entry
   */
  public Audited<String> deleteTenant(String tenantId) {
    JsonNode reply = write("DELETE", tenantPath(tenantId), null);
    return new Audited<>(Json.text(reply, "id", "admin answer"), AdminCodec.logIndex(reply));
  }

  /**
   * Suspends a tenant: every key of it gets 403 {@code tenant_suspended} until {@link
   * #unsuspendTenant}.
   *
   * @param tenantId the tenant
   * @param reason why (1-500 characters; recorded in the audit log)
   * @return the tenant and the audit-log entry
   */
  public Audited<Tenant> suspendTenant(String tenantId, String reason) {
    ObjectNode body = Json.object().put("reason", reason);
    return audited(post(tenantPath(tenantId) + "/suspend", body), AdminCodec::tenant);
  }

  /**
   * Reinstates a suspended tenant.
   *
   * @param tenantId the tenant
   * @return the tenant and the audit-log entry
   */
  public Audited<Tenant> unsuspendTenant(String tenantId) {
    return audited(post(tenantPath(tenantId) + "/unsuspend", Json.object()), AdminCodec::tenant);
  }

  /**
   * Where a tenant stands against its spend cap ({@code GET /admin/v1/tenants/{id}/spend}).
   *
   * @param tenantId the tenant
   * @return settled spend plus open holds against the cap
   */
  public Spend spend(String tenantId) {
    return AdminCodec.spend(get(tenantPath(tenantId) + "/spend"));
  }

  /**
   * Lists the policies the gateway knows and the tenants bound to them ({@code GET
   * /admin/v1/policies}).
   *
   * @return every policy
   */
  public List<Policy> policies() {
    return AdminCodec.list(get("/admin/v1/policies"), AdminCodec::policy);
  }

  /**
   * Requests, tokens and cost ({@code GET /admin/v1/usage}).
   *
   * @param query day range, tenant and grouping
   * @return the report
   * @throws io.sovereignrouter.sdk.BadRequestException if the range is invalid
   */
  public UsageReport usage(UsageQuery query) {
    List<String> params = new ArrayList<>();
    query.from().ifPresent(d -> params.add("from=" + d));
    query.to().ifPresent(d -> params.add("to=" + d));
    query.tenant().ifPresent(t -> params.add("tenant=" + segment(t)));
    if (!query.groupBy().isEmpty()) {
      params.add(
          "group_by="
              + String.join(
                  ",", query.groupBy().stream().sorted().map(UsageGroup::wireName).toList()));
    }
    String path = "/admin/v1/usage" + (params.isEmpty() ? "" : "?" + String.join("&", params));
    return AdminCodec.usage(get(path));
  }

  /**
   * Lists a tenant's keys, revoked and expiring ones included ({@code GET
   * /admin/v1/tenants/{id}/keys}).
   *
   * @param tenantId the tenant
   * @return its key records
   */
  public List<TenantKey> keys(String tenantId) {
    return AdminCodec.list(get(tenantPath(tenantId) + "/keys"), AdminCodec::key);
  }

  /**
   * Issues a key ({@code POST /admin/v1/tenants/{id}/keys}); its secret is shown this once.
   *
   * @param tenantId the tenant
   * @return the key and its audit-log entry
   */
  public Audited<IssuedKey> createKey(String tenantId) {
    return audited(post(tenantPath(tenantId) + "/keys", Json.object()), AdminCodec::issued);
  }

  /**
   * Revokes a key at once ({@code DELETE /admin/v1/tenants/{id}/keys/{key_id}}).
   *
   * @param tenantId the tenant
   * @param keyId the key's id ({@link TenantKey#keyId()})
   * @return the revoked key's id and the audit-log entry
   * @throws io.sovereignrouter.sdk.NotFoundException if there is no such active key
   */
  public Audited<String> revokeKey(String tenantId, String keyId) {
    JsonNode reply =
        Json.read(
            writes
                .send("DELETE", tenantPath(tenantId) + "/keys/" + segment(keyId), null, none())
                .body(),
            "admin answer");
    return new Audited<>(Json.text(reply, "key_id", "admin answer"), AdminCodec.logIndex(reply));
  }

  /**
   * Rotates a tenant's keys ({@code POST /admin/v1/tenants/{id}/keys/rotate}): issues a new key and
   * lets every previous key work until {@code overlap} has passed.
   *
   * @param tenantId the tenant
   * @param overlap how long the previous keys stay valid (0 to 30 days, whole seconds)
   * @return the rotation and its audit-log entry
   */
  public Audited<KeyRotation> rotateKeys(String tenantId, Duration overlap) {
    ObjectNode body = Json.object().put("overlap_seconds", overlap.toSeconds());
    return audited(post(tenantPath(tenantId) + "/keys/rotate", body), AdminCodec::rotation);
  }

  /**
   * Rotates with the gateway's default overlap (one day).
   *
   * @param tenantId the tenant
   * @return the rotation and its audit-log entry
   */
  public Audited<KeyRotation> rotateKeys(String tenantId) {
    return audited(
        post(tenantPath(tenantId) + "/keys/rotate", Json.object()), AdminCodec::rotation);
  }

  /**
   * Lists providers, their models and health ({@code GET /admin/v1/providers}).
   *
   * @return every configured provider
   */
  public List<Provider> providers() {
    return AdminCodec.list(get("/admin/v1/providers"), AdminCodec::provider);
  }

  /**
   * Reads one provider ({@code GET /admin/v1/providers/{id}}).
   *
   * @param providerId the provider
   * @return it, with its models and health
   * @throws io.sovereignrouter.sdk.NotFoundException if there is none
   */
  public Provider provider(String providerId) {
    return AdminCodec.provider(get(providerPath(providerId)));
  }

  /**
   * Creates a provider ({@code POST /admin/v1/providers}): the gateway checks that its credential
   * resolves and its adapter builds, stores it, and routes to it on every replica without a
   * restart.
   *
   * @param spec the provider
   * @return it as now live, and the audit-log entry
   * @throws io.sovereignrouter.sdk.BadRequestException if the spec is invalid
   * @throws io.sovereignrouter.sdk.ConflictException if the id is taken
   */
  public Audited<Provider> createProvider(ProviderSpec spec) {
    return audited(post("/admin/v1/providers", tree(spec.wire())), AdminCodec::provider);
  }

  /**
   * Replaces an API-managed provider ({@code PUT /admin/v1/providers/{id}}): calls already running
   * finish on the previous adapter; new ones use the new spec.
   *
   * @param spec the provider, by its id
   * @return it as now live, and the audit-log entry
   * @throws io.sovereignrouter.sdk.ConflictException if it comes from the config file
   */
  public Audited<Provider> replaceProvider(ProviderSpec spec) {
    return audited(write("PUT", providerPath(spec.id()), tree(spec.wire())), AdminCodec::provider);
  }

  /**
   * Deletes an API-managed provider; its models stop routing at once.
   *
   * @param providerId the provider
   * @return its id and the audit-log entry
   * @throws io.sovereignrouter.sdk.ConflictException if it comes from the config file
   */
  public Audited<String> deleteProvider(String providerId) {
    JsonNode reply = write("DELETE", providerPath(providerId), null);
    return new Audited<>(Json.text(reply, "id", "admin answer"), AdminCodec.logIndex(reply));
  }

  // Adding an endpoint: a record for its answer, a decoder in AdminCodec, and a method here
  // built from get/post/audited.

  private JsonNode get(String path) {
    return Json.read(reads.send("GET", path, null, none()).body(), "admin answer");
  }

  private JsonNode post(String path, ObjectNode body) {
    return write("POST", path, body);
  }

  private JsonNode write(String method, String path, ObjectNode body) {
    byte[] bytes = body == null ? null : Json.write(body);
    return Json.read(writes.send(method, path, bytes, none()).body(), "admin answer");
  }

  private static ObjectNode body(TenantUpdate update) {
    return tree(update.wire());
  }

  private static ObjectNode tree(java.util.Map<String, Object> members) {
    ObjectNode o = Json.object();
    members.forEach((k, v) -> o.set(k, Json.valueToTree(v)));
    return o;
  }

  private static String providerPath(String providerId) {
    return "/admin/v1/providers/" + segment(providerId);
  }

  private static <T> Audited<T> audited(JsonNode reply, Function<JsonNode, T> decode) {
    return new Audited<>(decode.apply(reply), AdminCodec.logIndex(reply));
  }

  private static String tenantPath(String tenantId) {
    return "/admin/v1/tenants/" + segment(tenantId);
  }

  private static String segment(String id) {
    return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static RequestOptions none() {
    return RequestOptions.defaults();
  }

  @Override
  public String toString() {
    return "SovereignAdmin[" + reads.base() + "]";
  }

  /** Configures a {@link SovereignAdmin}. The token never appears in {@code toString}. */
  public static final class Builder {
    private URI baseUrl;
    private String token;
    private Duration timeout = Duration.ofSeconds(30);
    private RetryPolicy retry = RetryPolicy.defaults();
    private HttpClient http;

    private Builder() {}

    /**
     * The admin listener's origin, e.g. {@code http://127.0.0.1:8081}.
     *
     * @param baseUrl the URL
     * @return this builder
     */
    public Builder baseUrl(String baseUrl) {
      URI uri =
          URI.create(baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl);
      if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
        throw new IllegalArgumentException("base URL must be http or https");
      }
      this.baseUrl = uri;
      return this;
    }

    /**
     * The admin token (the content of {@code admin.token}).
     *
     * @param token the token
     * @return this builder
     */
    public Builder adminToken(String token) {
      this.token = Objects.requireNonNull(token, "token").strip();
      return this;
    }

    /**
     * Request timeout. Default 30 s.
     *
     * @param timeout a positive duration
     * @return this builder
     */
    public Builder timeout(Duration timeout) {
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("timeout must be positive");
      }
      this.timeout = timeout;
      return this;
    }

    /**
     * Retry policy for reads. Default {@link RetryPolicy#defaults()}.
     *
     * @param retry the policy
     * @return this builder
     */
    public Builder retryPolicy(RetryPolicy retry) {
      this.retry = Objects.requireNonNull(retry, "retry");
      return this;
    }

    /**
     * A JDK client to use.
     *
     * @param http the client
     * @return this builder
     */
    public Builder httpClient(HttpClient http) {
      this.http = Objects.requireNonNull(http, "http");
      return this;
    }

    /**
     * Builds the client.
     *
     * @return the client
     * @throws IllegalStateException if the base URL or token is missing
     */
    public SovereignAdmin build() {
      if (baseUrl == null || token == null || token.isEmpty()) {
        throw new IllegalStateException("baseUrl and adminToken are required");
      }
      return new SovereignAdmin(this);
    }

    @Override
    public String toString() {
      return "SovereignAdmin.Builder["
          + baseUrl
          + ", adminToken="
          + (token == null ? "unset" : "***")
          + "]";
    }
  }
}
