package io.sovereignrouter.gateway;

import io.sovereignrouter.keystore.KeystoreException;
import io.sovereignrouter.keystore.LocalFileKeystore;
import java.io.IOException;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sovereign keys put NAME}: stores a provider credential (read from standard input, never
 * from the command line) in the encrypted local keystore, referenced in the config as {@code
 * file:NAME}. Needs a KEK ({@code SOVEREIGN_ENCRYPTION_KEY} or {@code _FILE}).
 */
@Command(
    name = "keys",
    mixinStandardHelpOptions = true,
    description = "Manage credentials in the local keystore.",
    subcommands = {KeysCommand.Put.class, KeysCommand.Rotate.class})
final class KeysCommand {

  @Command(
      name = "put",
      mixinStandardHelpOptions = true,
      description = "Store a secret read from stdin as NAME (referenced as file:NAME).")
  static final class Put implements Callable<Integer> {
    @Parameters(index = "0", description = "entry name, used as file:NAME")
    String name;

    @Mixin KeystoreOptions options;

    @Override
    public Integer call() throws IOException {
      byte[] value = System.in.readAllBytes();
      int end = value.length;
      while (end > 0 && (value[end - 1] == '\n' || value[end - 1] == '\r')) {
        end--;
      }
      byte[] secret = Arrays.copyOf(value, end);
      Arrays.fill(value, (byte) 0);
      if (secret.length == 0) {
        System.err.println("sovereign keys put: nothing on standard input");
        return 2;
      }
      try (KeystoreOptions.Opened opened = options.open(System.getenv())) {
        LocalFileKeystore store =
            Keystores.local(opened.dir(), System.getenv(), opened.keystore(), opened.drivers());
        try (KeystoreLock lock = KeystoreLock.acquire(store.directory())) {
          String kek = store.put(name, secret);
          System.out.println("stored file:" + name + " (encrypted under KEK " + kek + ")");
        }
        return 0;
      } catch (KeystoreException | io.sovereignrouter.gateway.config.ConfigException e) {
        System.err.println("sovereign keys put: " + e.getMessage());
        return 2;
      } finally {
        Arrays.fill(secret, (byte) 0);
      }
    }
  }

  /**
   * {@code sovereign keys rotate --tenant ID}: asks the running gateway's admin API for a new key;
   * the tenant's previous keys keep working for the overlap, then stop. The new key is printed
   * once.
   */
  @Command(
      name = "rotate",
      mixinStandardHelpOptions = true,
      description = "Issue a tenant a new key; old keys expire after the overlap.")
  static final class Rotate implements Callable<Integer> {
    @Option(names = "--tenant", required = true, description = "tenant id (tn_…)")
    String tenant;

    @Option(
        names = "--overlap",
        description = "seconds the previous keys stay valid (default 86400)")
    long overlap = 86_400;

    @Mixin AdminCall admin;

    @Override
    public Integer call() throws IOException, InterruptedException {
      java.net.http.HttpResponse<String> r =
          admin.post(
              "/admin/v1/tenants/" + tenant + "/keys/rotate",
              "{\"overlap_seconds\":" + overlap + "}");
      if (r.statusCode() != 201) {
        System.err.println(
            "sovereign keys rotate: admin API answered " + r.statusCode() + ": " + r.body());
        return 1;
      }
      io.vertx.core.json.JsonObject body = new io.vertx.core.json.JsonObject(r.body());
      System.out.println("new key (shown once): " + body.getString("key"));
      System.out.println(
          "previous keys "
              + body.getJsonArray("previous_keys").encode()
              + " stay valid until "
              + body.getString("previous_keys_valid_until"));
      System.out.println("audit log index: " + body.getLong("log_index"));
      return 0;
    }
  }
}
