package io.sovereignrouter.gateway;

import io.sovereignrouter.policy.PolicyBundle;
import io.vertx.core.json.JsonObject;
import java.util.Set;

/** Policy ids the embedded bundle ships, which tenants may be bound to. */
final class KnownPolicies {
  private KnownPolicies() {}

  static Set<String> builtin() {
    JsonObject data = new JsonObject(PolicyBundle.builtin().dataJson());
    JsonObject policies =
        data.getJsonObject("data", new JsonObject()).getJsonObject("policies", new JsonObject());
    return Set.copyOf(policies.fieldNames());
  }
}
