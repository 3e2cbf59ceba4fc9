package io.sovereignrouter.gateway;

import io.sovereignrouter.gateway.config.ConfigLoader;
import io.sovereignrouter.gateway.config.GatewayConfig;
import io.sovereignrouter.gateway.config.KeystoreConfig;
import io.sovereignrouter.keystore.KmsDriver;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The options of commands that work on the local keystore directly ({@code keys put}, {@code kek
 * rotate}, {@code kek retire}): the gateway's config, for {@code keystore.kek} and the KMS clients,
 * and the data directory.
 */
final class KeystoreOptions {
  @Option(
      names = "--config",
      description = "the gateway's config file, for keystore.kek and the KMS clients")
  Path config;

  @Option(names = "--data-dir", description = "data directory (default from config)")
  Path dataDir;

  /**
   * What a keystore command works with; closing it closes the KMS clients.
   *
   * @param keystore the config's keystore section
   * @param dir the data directory
   * @param drivers the KMS clients the config names
   */
  record Opened(KeystoreConfig keystore, DataDir dir, List<KmsDriver> drivers)
      implements AutoCloseable {
    @Override
    public void close() {
      drivers.forEach(KmsDriver::close);
    }
  }

  /**
   * Loads the config (defaults without {@code --config}), opens the data directory and the KMS
   * clients.
   *
   * @param env the environment
   * @return what the command works with
   */
  Opened open(Map<String, String> env) {
    GatewayConfig loaded = config == null ? ConfigLoader.defaults() : ConfigLoader.load(config);
    DataDir dir = DataDir.open(dataDir != null ? dataDir : loaded.server().dataDir());
    return new Opened(loaded.keystore(), dir, Keystores.drivers(loaded.keystore(), env));
  }
}
