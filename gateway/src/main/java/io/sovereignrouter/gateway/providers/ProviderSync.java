package io.sovereignrouter.gateway.providers;

import io.sovereignrouter.gateway.config.ConfigException;
import io.sovereignrouter.gateway.config.ConfigLoader;
import io.sovereignrouter.gateway.config.ProviderConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the registry's admin-managed providers equal to the stored set: at once after a local
 * change, and by polling the repository's version so a change made on another replica lands within
 * one poll interval.
 */
public final class ProviderSync {
  private static final Logger LOG = LoggerFactory.getLogger(ProviderSync.class);
  private final Vertx vertx;
  private final ProviderRepository repository;
  private final ProviderRegistry registry;
  private final AtomicReference<String> applied = new AtomicReference<>("");
  private final long timer;
  private Future<Void> running = Future.succeededFuture();

  /**
   * @param pollMs how often to look for changes made elsewhere
   */
  public ProviderSync(
      Vertx vertx, ProviderRepository repository, ProviderRegistry registry, long pollMs) {
    this.vertx = vertx;
    this.repository = repository;
    this.registry = registry;
    this.timer = vertx.setPeriodic(pollMs, id -> poll());
  }

  /** Parses stored providers; a row that no longer parses is skipped with a warning. */
  public static List<ProviderConfig> parse(List<StoredProvider> stored) {
    List<ProviderConfig> out = new ArrayList<>();
    for (StoredProvider p : stored) {
      try {
        out.add(ConfigLoader.provider(p.configJson()));
      } catch (ConfigException e) {
        LOG.warn("stored provider {} is invalid and ignored: {}", p.id(), e.getMessage());
      }
    }
    return out;
  }

  private void poll() {
    repository
        .version()
        .onSuccess(
            v -> {
              if (!v.equals(applied.get())) {
                refresh();
              }
            })
        .onFailure(e -> LOG.warn("provider poll failed: {}", e.getMessage()));
  }

  /** Applies the stored set now; changes are applied one at a time, in order. */
  public synchronized Future<Void> refresh() {
    running =
        running
            .otherwiseEmpty()
            .compose(
                ignored ->
                    repository
                        .version()
                        .compose(
                            version ->
                                repository
                                    .all()
                                    .compose(all -> registry.apply(parse(all)))
                                    .onSuccess(done -> applied.set(version))));
    return running;
  }

  /** Stops polling. */
  public void stop() {
    vertx.cancelTimer(timer);
  }
}
