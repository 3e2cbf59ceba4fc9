package io.sovereignrouter.gateway;

import io.sovereignrouter.gateway.config.ModelConfig;
import io.sovereignrouter.gateway.config.ModelKind;
import io.sovereignrouter.gateway.config.ProviderConfig;
import io.sovereignrouter.gateway.provider.ProviderAdapter;
import io.sovereignrouter.gateway.provider.UpstreamCall;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At start, asks providers configured with {@code discover: true} which models they serve and adds
 * those not configured explicitly. A provider that cannot be reached keeps its configured models
 * only: discovery never blocks the start.
 */
final class ModelDiscovery {
  private static final Logger LOG = LoggerFactory.getLogger(ModelDiscovery.class);

  /** Discovery must not hold up the start for long. */
  static final long DEADLINE_SECONDS = 10;

  private ModelDiscovery() {}

  /** Configured models plus discovered ones; call from a non-event-loop thread. */
  static List<ModelConfig> models(ProviderConfig config, ProviderAdapter adapter) {
    List<ModelConfig> models = new ArrayList<>(config.models());
    if (!config.discover()) {
      return models;
    }
    Set<String> known = models.stream().map(ModelConfig::upstream).collect(Collectors.toSet());
    Promise<Void> giveUp = Promise.promise();
    UpstreamCall call =
        new UpstreamCall(new JsonObject(), "", "discovery-" + config.id(), giveUp.future());
    try {
      List<String> listed;
      try {
        listed = adapter.discoverModels(call).await(DEADLINE_SECONDS, TimeUnit.SECONDS);
      } catch (TimeoutException e) {
        giveUp.tryComplete();
        throw new IllegalStateException("no answer within " + DEADLINE_SECONDS + " s");
      }
      for (String name : listed) {
        if (known.add(name)) {
          // Listings rarely say what a model does; embedding models say so in their names.
          ModelKind kind =
              name.toLowerCase(Locale.ROOT).contains("embed")
                  ? ModelKind.EMBEDDING
                  : ModelKind.CHAT;
          models.add(new ModelConfig(name, name, kind, config.id()));
        }
      }
    } catch (RuntimeException e) {
      LOG.warn(
          "provider {}: model discovery failed ({}); using configured models only",
          config.id(),
          e.getMessage());
    }
    return models;
  }
}
