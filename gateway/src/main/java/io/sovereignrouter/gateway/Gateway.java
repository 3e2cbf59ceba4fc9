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
import io.sovereignrouter.gateway.config.ProviderConfig;
import io.sovereignrouter.gateway.config.ServerConfig;
import io.sovereignrouter.gateway.http.GatewayRoutes;
import io.sovereignrouter.gateway.http.LeakScanStage;
import io.sovereignrouter.gateway.provider.Credentials;
import io.sovereignrouter.gateway.provider.ProviderAdapter;
import io.sovereignrouter.gateway.provider.ProviderFactory;
import io.sovereignrouter.gateway.routing.FallbackWalk;
import io.sovereignrouter.gateway.routing.HealthTracker;
import io.sovereignrouter.gateway.routing.ModelCatalog;
import io.sovereignrouter.gateway.routing.Route;
import io.sovereignrouter.gateway.scan.ChatRequestScanner;
import io.sovereignrouter.gateway.scan.Fingerprinter;
import io.sovereignrouter.gateway.scan.LeakAction;
import io.sovereignrouter.gateway.scan.Scanner;
import io.sovereignrouter.gateway.storage.SqliteAttestationIndex;
import io.sovereignrouter.gateway.storage.SqliteDatabase;
import io.sovereignrouter.gateway.storage.SqliteHealthStore;
import io.sovereignrouter.gateway.storage.postgres.PostgresDatabase;
import io.sovereignrouter.gateway.tenancy.Authenticator;
import io.sovereignrouter.gateway.tenancy.KeyHasher;
import io.sovereignrouter.gateway.tenancy.KeyIssuer;
import io.sovereignrouter.gateway.tenancy.SqliteTenantStore;
import io.sovereignrouter.gateway.tenancy.TenantStore;
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

/**
 * Composition root: opens the data directory and store, builds providers and the catalog, and
 * starts the data-plane and admin listeners. Plain code, no DI container.
 */
public final class Gateway implements AutoCloseable {
  static final String ADMIN_TOKEN_FILE = "admin.token";
  static final String KEY_HASH_FILE = "keyhash.secret";
  static final String SCAN_KEY_FILE = "scan.key";

  private final Vertx vertx;
  private final SqliteDatabase db;
  private final AuditLog log;
  private final List<Runnable> stopFirst;
  private final List<ProviderAdapter> providers;
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
      List<ProviderAdapter> providers,
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
    TenantStore store = new SqliteTenantStore(db);
    Vertx vertx = null;
    AuditLog log = null;
    List<ProviderAdapter> providers = new ArrayList<>();
    try {
      KeyHasher hasher = new KeyHasher(Base64.getUrlDecoder().decode(pepper.value()));
      KeyIssuer issuer = new KeyIssuer(store, hasher);
      Optional<DataDir.Secret> demo = DemoTenant.ensure(dir, store, issuer);

      vertx = Vertx.vertx(new VertxOptions().setPreferNativeTransport(false));
      ProviderFactory factory =
          new ProviderFactory(vertx, new Credentials(Keystores.resolver(dir, environment)));
      List<Route> routes = new ArrayList<>();
      for (ProviderConfig pc : config.providers()) {
        if (!pc.isEnabled()) {
          continue;
        }
        ProviderAdapter adapter = factory.create(pc);
        providers.add(adapter);
        ModelDiscovery.models(pc, adapter)
            .forEach(m -> routes.add(new Route(adapter, m, pc.priority())));
      }
      ModelCatalog catalog = new ModelCatalog(routes);
      Authenticator authenticator = new Authenticator(store, hasher, Clock.systemUTC());
      HealthTracker health =
          new HealthTracker(config.routing().health(), System::currentTimeMillis);
      SqliteHealthStore healthStore = new SqliteHealthStore(db);
      health.restore(healthStore.load());
      FallbackWalk walk = new FallbackWalk(health, config.routing());
      HealthPersistence persistence = new HealthPersistence(vertx, health, healthStore);
      HealthProbe probe = new HealthProbe(vertx, health, routes, config.routing().health().probe());
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
                          PostgresDatabase.open(logVertx, pg, Keystores.resolver(dir, environment))
                              .await()))
              .orElseGet(() -> AuditLog.open(dir, ac.origin(), logConfig));
      AuditLog auditLog = log;
      Attester attester = new Attester(auditLog, ac.origin());
      SqliteAttestationIndex attestationIndex = new SqliteAttestationIndex(db);
      AttestationIndexWriter indexWriter = new AttestationIndexWriter(vertx, attestationIndex);
      byte[] scanKey =
          Base64.getUrlDecoder()
              .decode(dir.secret(SCAN_KEY_FILE, () -> base64(random, 32)).value());
      LeakScanStage leakScan =
          LeakScanStage.create(
              new ChatRequestScanner(Scanner.builtin(Fingerprinter.of(scanKey))),
              LeakAction.parse(config.leakScan().action()),
              new AuditEvents(auditLog));

      AdminToken adminToken = new AdminToken(admin.value());

      int instances =
          server.eventLoops() > 0
              ? server.eventLoops()
              : Runtime.getRuntime().availableProcessors();
      int port =
          deployListeners(
              vertx,
              v ->
                  GatewayRoutes.create(
                      v,
                      authenticator,
                      catalog,
                      walk,
                      attester,
                      auditLog,
                      attestationIndex,
                      indexWriter,
                      leakScan,
                      server.bodyLimitBytes()),
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
                      store,
                      issuer,
                      new ProviderView(config.providers(), routes, health),
                      new AuditEvents(auditLog)),
              server.adminHost(),
              server.adminPort(),
              1,
              -2);
      // Stopped in this order at close, before connections, log and database go.
      List<Runnable> stopFirst = List.of(probe::stop, persistence::stop, indexWriter::flush);
      return new Gateway(vertx, db, log, stopFirst, providers, port, adminPort, dir, admin, demo);
    } catch (RuntimeException e) {
      if (vertx != null) {
        vertx.close().await();
      }
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
    Future.join(providers.stream().map(ProviderAdapter::close).toList()).await();
    vertx.close().await();
    log.close();
    db.close();
  }

  /** The audit log (tests and CLI). */
  public AuditLog auditLog() {
    return log;
  }
}
