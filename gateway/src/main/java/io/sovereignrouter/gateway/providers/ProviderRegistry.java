package io.sovereignrouter.gateway.providers;

import io.sovereignrouter.gateway.config.ModelConfig;
import io.sovereignrouter.gateway.config.ProviderConfig;
import io.sovereignrouter.gateway.provider.ProviderAdapter;
import io.sovereignrouter.gateway.provider.ProviderFactory;
import io.sovereignrouter.gateway.routing.ModelCatalog;
import io.sovereignrouter.gateway.routing.Route;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The live set of providers: those of the config file (fixed) and those managed through the admin
 * API (changed at run time). Readers see an immutable snapshot; a change builds the new adapters
 * first, swaps the snapshot, and closes replaced adapters only after a grace period, so in-flight
 * requests finish on the adapter — and credential — they started with.
 */
public final class ProviderRegistry implements AutoCloseable {
  /**
   * One provider.
   *
   * @param config its configuration
   * @param managed true when it came through the admin API (false: the config file)
   * @param adapter the running adapter, when enabled
   * @param routes what it serves (discovered models included)
   */
  public record Entry(
      ProviderConfig config,
      boolean managed,
      Optional<ProviderAdapter> adapter,
      List<Route> routes) {
    /** Copies. */
    public Entry {
      routes = List.copyOf(routes);
    }
  }

  /** What a provider serves: its configured models plus, when enabled, discovered ones. */
  @FunctionalInterface
  public interface Discovery {
    /** Blocking; called on the registry's own thread or at startup. */
    List<ModelConfig> models(ProviderConfig config, ProviderAdapter adapter);
  }

  private record Snapshot(List<Entry> entries, ModelCatalog catalog) {}

  private final Vertx vertx;
  private final ProviderFactory factory;
  private final Discovery discovery;
  private final long graceMs;
  // Discovery blocks on upstream calls: one plain thread, never an event loop or Vert.x worker.
  private final ExecutorService builder =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "provider-registry");
            t.setDaemon(true);
            return t;
          });
  private volatile Snapshot snapshot;

  private ProviderRegistry(
      Vertx vertx, ProviderFactory factory, Discovery discovery, long graceMs) {
    this.vertx = vertx;
    this.factory = factory;
    this.discovery = discovery;
    this.graceMs = graceMs;
  }

  /**
   * Builds the registry at startup (blocking; call from the main thread).
   *
   * @param discovery configured plus discovered models of an adapter's provider
   * @param graceMs how long a replaced adapter keeps serving its in-flight requests
   */
  public static ProviderRegistry start(
      Vertx vertx,
      ProviderFactory factory,
      Discovery discovery,
      long graceMs,
      List<ProviderConfig> fromFile,
      List<ProviderConfig> managed) {
    ProviderRegistry registry = new ProviderRegistry(vertx, factory, discovery, graceMs);
    List<Entry> entries = new ArrayList<>();
    for (ProviderConfig pc : fromFile) {
      entries.add(registry.build(pc, false));
    }
    for (ProviderConfig pc : managed) {
      entries.add(registry.build(pc, true));
    }
    registry.snapshot = snapshot(entries);
    return registry;
  }

  /** The catalog of the current snapshot. */
  public ModelCatalog catalog() {
    return snapshot.catalog();
  }

  /** Every provider of the current snapshot, config-file ones first. */
  public List<Entry> entries() {
    return snapshot.entries();
  }

  /** Every route of the current snapshot. */
  public List<Route> routes() {
    return snapshot.entries().stream().flatMap(e -> e.routes().stream()).toList();
  }

  /** The provider with {@code id}, if any. */
  public Optional<Entry> entry(String id) {
    return snapshot.entries().stream().filter(e -> e.config().id().equals(id)).findFirst();
  }

  /**
   * Makes {@code managed} the admin-managed set: unchanged providers keep their adapters, new and
   * changed ones get fresh adapters, removed and replaced ones close after the grace period.
   */
  public Future<Void> apply(List<ProviderConfig> managed) {
    Promise<Void> done = Promise.promise();
    builder.execute(
        () -> {
          try {
            swap(managed);
            done.complete();
          } catch (RuntimeException e) {
            done.fail(e);
          }
        });
    return done.future();
  }

  /**
   * Checks that {@code config} can run — its credential resolves, its adapter builds — without
   * adding it. Runs on the registry's thread (credential resolution may call a KMS).
   */
  public Future<Void> check(ProviderConfig config) {
    Promise<Void> done = Promise.promise();
    builder.execute(
        () -> {
          try {
            factory.check(config);
            done.complete();
          } catch (RuntimeException e) {
            done.fail(e);
          }
        });
    return done.future();
  }

  private void swap(List<ProviderConfig> managed) {
    Snapshot current = snapshot;
    Map<String, Entry> previous = new HashMap<>();
    current.entries().stream()
        .filter(Entry::managed)
        .forEach(e -> previous.put(e.config().id(), e));
    List<Entry> next =
        new ArrayList<>(current.entries().stream().filter(e -> !e.managed()).toList());
    List<Entry> retired = new ArrayList<>();
    for (ProviderConfig pc : managed) {
      Entry before = previous.remove(pc.id());
      if (before != null && before.config().equals(pc)) {
        next.add(before);
      } else {
        next.add(build(pc, true));
        if (before != null) {
          retired.add(before);
        }
      }
    }
    retired.addAll(previous.values());
    snapshot = snapshot(next);
    for (Entry e : retired) {
      e.adapter().ifPresent(a -> vertx.setTimer(graceMs, id -> a.close()));
    }
  }

  private Entry build(ProviderConfig pc, boolean managed) {
    if (!pc.isEnabled()) {
      return new Entry(pc, managed, Optional.empty(), List.of());
    }
    ProviderAdapter adapter = factory.create(pc);
    List<Route> routes =
        discovery.models(pc, adapter).stream()
            .map(m -> new Route(adapter, m, pc.priority()))
            .toList();
    return new Entry(pc, managed, Optional.of(adapter), routes);
  }

  private static Snapshot snapshot(List<Entry> entries) {
    List<Route> routes = entries.stream().flatMap(e -> e.routes().stream()).toList();
    return new Snapshot(List.copyOf(entries), new ModelCatalog(routes));
  }

  /** Closes every adapter (shutdown). */
  public Future<Void> closeAdapters() {
    builder.shutdownNow();
    return Future.join(
            snapshot.entries().stream()
                .flatMap(e -> e.adapter().stream())
                .map(ProviderAdapter::close)
                .toList())
        .mapEmpty();
  }

  @Override
  public void close() {
    closeAdapters().toCompletionStage().toCompletableFuture().join();
  }
}
