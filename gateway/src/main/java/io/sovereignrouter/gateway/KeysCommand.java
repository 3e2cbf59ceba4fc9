package io.sovereignrouter.gateway;

import io.sovereignrouter.keystore.KeystoreException;
import io.sovereignrouter.keystore.LocalFileKeystore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
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
    subcommands = {KeysCommand.Put.class})
final class KeysCommand {

  @Command(
      name = "put",
      mixinStandardHelpOptions = true,
      description = "Store a secret read from stdin as NAME (referenced as file:NAME).")
  static final class Put implements Callable<Integer> {
    @Parameters(index = "0", description = "entry name, used as file:NAME")
    String name;

    @Option(names = "--data-dir", description = "data directory (default .sovereign)")
    Path dataDir = Path.of(".sovereign");

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
      try {
        LocalFileKeystore store = Keystores.local(DataDir.open(dataDir), System.getenv());
        String kek = store.put(name, secret);
        System.out.println("stored file:" + name + " (encrypted under KEK " + kek + ")");
        return 0;
      } catch (KeystoreException e) {
        System.err.println("sovereign keys put: " + e.getMessage());
        return 2;
      } finally {
        Arrays.fill(secret, (byte) 0);
      }
    }
  }
}
