package io.sovereignrouter.gateway;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code sovereign log-key rotate}: asks the running gateway to sign the audit log with a new key
 * from now on. Serving continues throughout; the rotation is itself a log entry, and verifiers pin
 * {@code <data-dir>/log-keys.pub} (every key the log has used) to verify across the boundary.
 */
@Command(
    name = "log-key",
    mixinStandardHelpOptions = true,
    description = "Manage the audit log's signing key.",
    subcommands = {LogKeyCommand.Rotate.class})
final class LogKeyCommand {

  @Command(
      name = "rotate",
      mixinStandardHelpOptions = true,
      description = "Switch the running gateway's audit log to a new signing key (online).")
  static final class Rotate implements Callable<Integer> {
    @Mixin AdminCall admin;

    @Override
    public Integer call() throws IOException, InterruptedException {
      HttpResponse<String> r = admin.post("/admin/v1/log/key/rotate", "{}");
      if (r.statusCode() != 201) {
        System.err.println(
            "sovereign log-key rotate: admin API answered " + r.statusCode() + ": " + r.body());
        return 1;
      }
      JsonObject body = new JsonObject(r.body());
      System.out.println("previous key: " + body.getString("previous_key"));
      System.out.println("new key:      " + body.getString("new_key"));
      System.out.println("rotation recorded at log index " + body.getLong("log_index"));
      System.out.println(
          "verifiers pin every key in "
              + admin.dataDir.resolve(io.sovereignrouter.gateway.attest.AuditLog.KEYS_FILE)
              + " ("
              + body.getJsonArray("log_keys").size()
              + " keys)");
      return 0;
    }
  }
}
