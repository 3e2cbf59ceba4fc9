package io.sovereignrouter.gateway.tenancy;

import io.sovereignrouter.gateway.GatewayExtension;
import io.sovereignrouter.gateway.TestGateway;
import io.sovereignrouter.gateway.config.PostgresConfig;
import io.sovereignrouter.gateway.ratelimit.EmbeddedRedisServer;
import io.sovereignrouter.gateway.storage.postgres.EmbeddedPostgresServer;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The same tenancy suite on the scale-out backend: real PostgreSQL and real Redis. */
class TenancyPostgresRedisIT extends TenancyContractIT {
  @RegisterExtension
  static final GatewayExtension running =
      GatewayExtension.of(() -> TestGateway.resource("/tenancy.yaml") + scaleOut(), Map.of());

  static String scaleOut() {
    PostgresConfig pg = EmbeddedPostgresServer.freshDatabase();
    return "\nstorage:\n  backend: postgres\n  postgres:\n"
        + "    host: "
        + pg.host()
        + "\n"
        + "    port: "
        + pg.port()
        + "\n"
        + "    database: "
        + pg.database()
        + "\n"
        + "    user: "
        + pg.user()
        + "\n"
        + "rate-limits:\n  backend: redis\n  redis-url: "
        + EmbeddedRedisServer.url()
        + "\n"
        + "  key-prefix: it-"
        + pg.database()
        + "\n";
  }

  @Override
  protected TestGateway gateway() {
    return running.get();
  }
}
