package io.sovereignrouter.gateway.tenancy;

import io.sovereignrouter.gateway.GatewayExtension;
import io.sovereignrouter.gateway.TestGateway;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The tenancy suite on the embedded backend: SQLite and in-process rate limits. */
class TenancySqliteIT extends TenancyContractIT {
  @RegisterExtension
  static final GatewayExtension running =
      GatewayExtension.of(() -> TestGateway.resource("/tenancy.yaml"), Map.of());

  @Override
  protected TestGateway gateway() {
    return running.get();
  }
}
