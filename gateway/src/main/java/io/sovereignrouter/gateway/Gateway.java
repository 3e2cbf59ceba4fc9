package io.sovereignrouter.gateway;

import io.sovereignrouter.attestation.LogConfig;
import io.sovereignrouter.gateway.admin.AdminRoutes;
import io.sovereignrouter.gateway.admin.AdminToken;
import io.sovereignrouter.gateway.admin.ProviderView;
import io.sovereignrouter.gateway.attest.AttestationIndexWriter;
import io.sovereignrouter.gateway.attest.Attester;
import io.sovereignrouter.gateway.attest.AuditEvents;
import io.sovereignrouter.gateway.attest.AuditLog;
import io.sovereignrouter.gateway.config.AttestationConfig;
import io.sovereignrouter.gateway.config.GatewayConfig;
import io.sovereignrouter.gateway.config.ServerConfig;
import io.sovereignrouter.gateway.http.DataPlane;
import io.sovereignrouter.gateway.http.GatewayRoutes;
import io.sovereignrouter.gateway.http.LeakScanStage;
import io.sovereignrouter.gateway.http.Readiness;
import io.sovereignrouter.gateway.metrics.GatewayMetrics;
import io.sovereignrouter.gateway.metrics.Tracing;
import io.sovereignrouter.gateway.policy.PolicyEvaluator;
import io.sovereignrouter.gateway.policy.PolicyEvaluators;
import io.sovereignrouter.gateway.policy.Witnesses;
import io.sovereignrouter.gateway.provider.Credentials;
import io.sovereignrouter.gateway.provider.ProviderFactory;
import io.sovereignrouter.gateway.providers.ProviderRegistry;
import io.sovereignrouter.gateway.providers.ProviderRepository;
import io.sovereignrouter.gateway.providers.ProviderSync;
import io.sovereignrouter.gateway.ratelimit.RateLimiter;
import io.sovereignrouter.gateway.ratelimit.RateLimiters;
import io.sovereignrouter.gateway.routing.FallbackWalk;
import io.sovereignrouter.gateway.routing.HealthTracker;
import io.sovereignrouter.gateway.scan.Fingerprinter;
import io.sovereignrouter.gateway.scan.LeakAction;
import io.sovereignrouter.gateway.scan.TenantScanners;
import io.sovereignrouter.gateway.spend.SpendLedger;
import io.sovereignrouter.gateway.spend.SpendSweeper;
import io.sovereignrouter.gateway.storage.AttestationIndex;
import io.sovereignrouter.gateway.storage.Repositories;
import io.sovereignrouter.gateway.storage.SqliteDatabase;
import io.sovereignrouter.gateway.storage.SqliteHealthStore;
import io.sovereignrouter.gateway.storage.postgres.PostgresDatabase;
import io.sovereignrouter.gateway.tenancy.Authenticator;
import io.sovereignrouter.gateway.tenancy.KeyHasher;
import io.sovereignrouter.gateway.tenancy.KeyIssuer;
import io.sovereignrouter.gateway.tenancy.TenantRepository;
import io.sovereignrouter.gateway.tenancy.TenantSettings;
import io.sovereignrouter.keystore.KmsDriver;
import io.sovereignrouter.keystore.SecretResolver;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Composition root: opens the data directory and store, builds providers and the catalog, and
 * starts the data-plane and admin listeners. Plain code, no DI container.
 */
public final class Gateway implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);
  static final String ADMIN_TOKEN_FILE = "admin.token";
  static final String KEY_HASH_FILE = "keyhash.secret";
  static final String SCAN_KEY_FILE = "scan.key";

  /** How long a replaced provider adapter keeps serving requests that started on it. */
  static final long PROVIDER_GRACE_MS = 330_000;

  /** How often cached secrets older than the keystore TTL are zeroed and dropped. */
  static final long SECRET_PURGE_MS = 30_000;

  /** How often a replica looks for provider changes made on another replica. */
  static final long PROVIDER_POLL_MS = 2_000;

  private final Vertx vertx;
  private final SqliteDatabase db;
  private final AuditLog log;
  private final List<Runnable> stopFirst;
  private final ProviderRegistry providers;
  private final int port;
  private final int adminPort;
  private final DataDir dataDir;
  private final DataDir.Secret adminToken;
  private final Optional<DataDir.Secret> demoKey;

  private Gateway(
      Vertx vertx,
      SqliteDatabase db,
      AuditLog log,
      List<Runnable> stopFirst,
      ProviderRegistry providers,
      int port,
      int adminPort,
      DataDir dataDir,
      DataDir.Secret adminToken,
      Optional<DataDir.Secret> demoKey) {
    this.vertx = vertx;
    this.db = db;
    this.log = log;
    this.stopFirst = stopFirst;
    this.providers = providers;
    this.port = port;
    this.adminPort = adminPort;
    this.dataDir = dataDir;
    this.adminToken = adminToken;
    this.demoKey = demoKey;
  }

  /**
   * Starts a gateway and blocks until both listeners are bound. Call from a non-event-loop thread
   * (main, or a test's thread).
   *
   * @param config the configuration
   * @param environment process environment, for {@code env:} credential references
   */
  public static Gateway start(GatewayConfig config, Map<String, String> environment) {
    ServerConfig server = config.server();
    DataDir dir = DataDir.open(server.dataDir());
    SecureRandom random = new SecureRandom();
    DataDir.Secret pepper = dir.secret(KEY_HASH_FILE, () -> base64(random, 32));
    DataDir.Secret admin = dir.secret(ADMIN_TOKEN_FILE, () -> "sk-admin-" + base64(random, 32));
    SqliteDatabase db = SqliteDatabase.open(dir.privateFile("sovereign.db"));
    Vertx vertx = Vertx.vertx(new VertxOptions().setPreferNativeTransport(false));
    AuditLog log = null;
    RateLimiter limiter = null;
    Repositories repositories = null;
    ProviderRegistry closeProviders = null;
    PolicyEvaluator closeEvaluator = null;
    List<KmsDriver> kmsDrivers = List.of();
    try {
      List<KmsDriver> kms = Keystores.drivers(config.keystore(), environment);
      kmsDrivers = kms;
      SecretResolver secrets = Keystores.resolver(dir, environment, config.keystore(), kms);
      // Cached plaintext lives at most a TTL even when nothing asks for it again.
      long purge =
          vertx.setPeriodic(
              SECRET_PURGE_MS, id -> vertx.executeBlocking(secrets::purgeExpired, false));
      repositories = Repositories.open(vertx, config.storage(), db, secrets);
      TenantRepository store = repositories.tenants();
      SpendLedger ledger = repositories.ledger();
      KeyHasher hasher = new KeyHasher(Base64.getUrlDecoder().decode(pepper.value()));
      KeyIssuer issuer = new KeyIssuer(store, hasher);
      Optional<DataDir.Secret> demo =
          DemoTenant.ensure(dir, store, issuer, LeakAction.parse(config.leakScan().action()))
              .await();
      Credentials credentials = new Credentials(secrets);
      limiter = RateLimiters.create(vertx, config.rateLimits(), credentials);
      ProviderFactory factory = new ProviderFactory(vertx, credentials);
      ProviderRegistry registry =
          ProviderRegistry.start(
              vertx,
              factory,
              ModelDiscovery::models,
              PROVIDER_GRACE_MS,
              config.providers(),
              ProviderSync.parse(repositories.providers().all().await()));
      closeProviders = registry;
      ProviderRepository providerStore = repositories.providers();
      ProviderSync providerSync =
          new ProviderSync(vertx, providerStore, registry, PROVIDER_POLL_MS);
      HealthTracker health =
          new HealthTracker(config.routing().health(), System::currentTimeMillis);
      SqliteHealthStore healthStore = new SqliteHealthStore(db);
      health.restore(healthStore.load());
      FallbackWalk walk = new FallbackWalk(health, config.routing());
      HealthPersistence persistence = new HealthPersistence(vertx, health, healthStore);
      HealthProbe probe =
          new HealthProbe(vertx, health, registry::routes, config.routing().health().probe());
      AttestationConfig ac = config.attestation();
      LogConfig logConfig =
          new LogConfig(
              Duration.ofMillis(ac.maxBatchDelayMs()), ac.maxBatchSize(), ac.maxPending());
      Vertx logVertx = vertx;
      // storage.backend: postgres → one log shared by every replica, on its own pool.
      log =
          config
              .storage()
              .postgresConfig()
              .map(
                  pg ->
                      AuditLog.openShared(
                          dir,
                          ac.origin(),
                          logConfig,
                          PostgresDatabase.open(logVertx, pg, secrets).await()))
              .orElseGet(() -> AuditLog.open(dir, ac.origin(), logConfig, ac.asyncProof()));
      AuditLog auditLog = log;
      Attester attester = new Attester(auditLog, ac.origin());
      AttestationIndex attestationIndex = repositories.attestations();
      AttestationIndexWriter indexWriter = new AttestationIndexWriter(vertx, attestationIndex);
      byte[] scanKey =
          Base64.getUrlDecoder()
              .decode(dir.secret(SCAN_KEY_FILE, () -> base64(random, 32)).value());
      Tracing tracing = Tracing.create(config.telemetry());
      GatewayMetrics metrics =
          new GatewayMetrics(health::snapshots, () -> auditLog.checkpoint().checkpoint().size());
      LeakScanStage leakScan =
          LeakScanStage.create(
              new TenantScanners(Fingerprinter.of(scanKey)), new AuditEvents(auditLog), metrics);
      Set<String> knownPolicies = KnownPolicies.builtin();
      Witnesses witnesses = Witnesses.load(config.witnesses());
      PolicyEvaluator evaluator = PolicyEvaluators.create(vertx, config.policy());
      closeEvaluator = evaluator;
      // Compiling the wasm instances takes seconds: start serving now, warm up alongside.
      Future<Void> warm =
          evaluator
              .warmUp()
              .onFailure(e -> LOG.warn("policy engine warm-up failed: {}", e.getMessage()));
      RateLimiter counters = limiter;
      DataPlane plane =
          new DataPlane(
              new Authenticator(store, hasher, Clock.systemUTC()),
              ledger,
              limiter,
              leakScan,
              new DataPlane.PolicyServices(evaluator, knownPolicies, health, witnesses),
              registry::catalog,
              walk,
              attester,
              auditLog,
              attestationIndex,
              indexWriter,
              server.bodyLimitBytes(),
              metrics,
              new Readiness(
                  List.of(
                      new Readiness.Check("storage", () -> store.tenant("tn_readiness")),
                      new Readiness.Check(
                          "audit_log",
                          () -> vertx.executeBlocking(() -> auditLog.checkpoint(), false)),
                      new Readiness.Check(
                          "rate_limits",
                          () -> counters.admit(List.of(), 0, java.time.Instant.now())),
                      new Readiness.Check("policy_engine", () -> warm))),
              tracing);
      SpendSweeper sweeper = new SpendSweeper(vertx, ledger);

      AdminToken adminToken = new AdminToken(admin.value());

      int instances =
          server.eventLoops() > 0
              ? server.eventLoops()
              : Runtime.getRuntime().availableProcessors();
      int port =
          deployListeners(
              vertx,
              v -> GatewayRoutes.create(v, plane),
              server.host(),
              server.port(),
              instances,
              -1);
      int adminPort =
          deployListeners(
              vertx,
              v ->
                  AdminRoutes.create(
                      v,
                      adminToken,
                      new AdminRoutes.Services(
                          store,
                          ledger,
                          issuer,
                          TenantSettings.DEFAULT
                              .withLeakScanAction(LeakAction.parse(config.leakScan().action()))
                              .withPolicies(
                                  config.tenantDefaults().allowedPolicies(),
                                  config.tenantDefaults().defaultPolicy()),
                          knownPolicies,
                          new ProviderView(registry, health),
                          providerStore,
                          registry,
                          providerSync,
                          new AuditEvents(auditLog),
                          metrics)),
              server.adminHost(),
              server.adminPort(),
              1,
              -2);
      // Stopped in this order at close, before connections, log and database go.
      Repositories shared = repositories;
      List<Runnable> stopFirst =
          List.of(
              probe::stop,
              providerSync::stop,
              persistence::stop,
              sweeper::stop,
              indexWriter::flush,
              limiter::close,
              () -> vertx.cancelTimer(purge),
              shared::close,
              () -> kms.forEach(KmsDriver::close),
              tracing::close,
              () -> evaluator.close().await());
      return new Gateway(vertx, db, log, stopFirst, registry, port, adminPort, dir, admin, demo);
    } catch (RuntimeException e) {
      if (closeProviders != null) {
        closeProviders.closeAdapters().await();
      }
      if (closeEvaluator != null) {
        closeEvaluator.close().await();
      }
      kmsDrivers.forEach(KmsDriver::close);
      if (limiter != null) {
        limiter.close();
      }
      if (repositories != null) {
        repositories.close();
      }
      vertx.close().await();
      if (log != null) {
        log.close();
      }
      db.close();
      throw e;
    }
  }

  /**
   * Deploys {@code instances} listeners sharing one port (Vert.x server sharing balances
   * connections across their event loops). With port 0 the instances share one free port.
   *
   * @param randomPortGroup negative id: Vert.x shares a random port among servers asking for the
   *     same negative port, so each listener kind needs its own
   */
  private static int deployListeners(
      Vertx vertx,
      java.util.function.Function<Vertx, io.vertx.ext.web.Router> routes,
      String host,
      int port,
      int instances,
      int randomPortGroup) {
    List<HttpServerVerticle> deployed = java.util.Collections.synchronizedList(new ArrayList<>());
    int bindPort = port == 0 ? randomPortGroup : port;
    vertx
        .deployVerticle(
            () -> {
              HttpServerVerticle verticle = new HttpServerVerticle(routes, host, bindPort);
              deployed.add(verticle);
              return verticle;
            },
            new DeploymentOptions().setInstances(instances))
        .await();
    long ports = deployed.stream().mapToInt(HttpServerVerticle::actualPort).distinct().count();
    if (ports != 1) {
      throw new IllegalStateException("listener instances bound " + ports + " different ports");
    }
    return deployed.get(0).actualPort();
  }

  private static String base64(SecureRandom random, int bytes) {
    byte[] b = new byte[bytes];
    random.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  /** Bound data-plane port. */
  public int port() {
    return port;
  }

  /** Bound admin port. */
  public int adminPort() {
    return adminPort;
  }

  /** The data directory in use. */
  public DataDir dataDir() {
    return dataDir;
  }

  /** The admin token and whether this start created it. */
  public DataDir.Secret adminToken() {
    return adminToken;
  }

  /**
   * The demo tenant's key and whether this start created it (absent when the demo tenant was
   * removed).
   */
  public Optional<DataDir.Secret> demoKey() {
    return demoKey;
  }

  /** The Vert.x instance (tests). */
  public Vertx vertx() {
    return vertx;
  }

  /** Stops listeners, closes provider connections and the store. */
  @Override
  public void close() {
    stopFirst.forEach(Runnable::run);
    providers.closeAdapters().await();
    vertx.close().await();
    log.close();
    db.close();
  }

  /** The audit log (tests and CLI). */
  public AuditLog auditLog() {
    return log;
  }
}
