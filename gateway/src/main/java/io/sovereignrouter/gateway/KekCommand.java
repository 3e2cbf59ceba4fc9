package io.sovereignrouter.gateway;

import io.sovereignrouter.gateway.config.ConfigException;
import io.sovereignrouter.gateway.config.ConfigLoader;
import io.sovereignrouter.gateway.config.GatewayConfig;
import io.sovereignrouter.gateway.config.KeystoreConfig;
import io.sovereignrouter.keystore.Kek;
import io.sovereignrouter.keystore.KekManifest;
import io.sovereignrouter.keystore.KekRing;
import io.sovereignrouter.keystore.KekSpec;
import io.sovereignrouter.keystore.KeystoreException;
import io.sovereignrouter.keystore.KmsDriver;
import io.sovereignrouter.keystore.LocalFileKeystore;
import io.sovereignrouter.keystore.LocalKek;
import io.sovereignrouter.keystore.MissingKekException;
import io.sovereignrouter.keystore.RotationReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sovereign kek rotate}: re-wraps every data key of the local keystore under a new KEK,
 * online and crash-safe. The new KEK is recorded in {@code keystore/kek-manifest} before the first
 * entry is re-wrapped, so a running gateway (which opens manifest KEKs on demand) keeps reading
 * every secret, and a kill mid-way leaves every entry readable; running the command again resumes.
 * {@code sovereign kek retire --kek ID} then drops an old KEK from the manifest once no entry is
 * wrapped under it, so its key material (or KMS key) can be destroyed.
 */
@Command(
    name = "kek",
    mixinStandardHelpOptions = true,
    description = "Manage the local keystore's key-encryption key.",
    subcommands = {KekCommand.Rotate.class, KekCommand.Retire.class})
final class KekCommand {

  /** The new KEK: a spec, or a fresh key file to generate. */
  static final class Target {
    @Option(
        names = "--to",
        required = true,
        description = "new KEK: file:PATH, aws-kms:KEY-ID or gcp-kms:projects/…/cryptoKeys/K")
    String spec;

    @Option(
        names = "--new-key-file",
        required = true,
        description = "generate a new random KEK into this file (mode 0600) and rotate to it")
    Path newKeyFile;
  }

  @Command(
      name = "rotate",
      mixinStandardHelpOptions = true,
      description = "Re-wrap every secret of the local keystore under a new KEK (online).")
  static final class Rotate implements Callable<Integer> {
    @ArgGroup(multiplicity = "1")
    Target target;

    @Option(
        names = "--config",
        description = "the gateway's config file, for keystore.kek and the KMS clients")
    Path config;

    @Option(names = "--data-dir", description = "data directory (default from config)")
    Path dataDir;

    @Override
    public Integer call() {
      Map<String, String> env = System.getenv();
      List<KmsDriver> drivers = List.of();
      try {
        GatewayConfig loaded = config == null ? ConfigLoader.defaults() : ConfigLoader.load(config);
        KeystoreConfig ks = loaded.keystore();
        DataDir dir = DataDir.open(dataDir != null ? dataDir : loaded.server().dataDir());
        drivers = Keystores.drivers(ks, env);
        KekSpec nextSpec = target.spec != null ? KekSpec.parse(target.spec) : generate();
        if (nextSpec instanceof KekSpec.FromEnv) {
          System.err.println(
              "sovereign kek rotate: a running gateway cannot read a new environment variable:"
                  + " rotate to file:PATH, aws-kms:… or gcp-kms:…");
          return 2;
        }
        Kek next = nextSpec.open(env, drivers).orElseThrow();
        Path ksDir = LocalFileKeystore.open(dir.resolve(Keystores.LOCAL_DIR)).directory();
        try (KeystoreLock lock = KeystoreLock.acquire(ksDir)) {
          Optional<Kek> current = ks.kekSpec().open(env, drivers);
          // Recorded before the first re-wrap: every reader can find both KEKs from here on.
          KekManifest manifest = KekManifest.read(ksDir);
          if (current.isPresent()) {
            manifest = manifest.with(current.get().id(), ks.kekSpec());
          }
          manifest.with(next.id(), nextSpec).write(ksDir);
          LocalFileKeystore store =
              LocalFileKeystore.open(
                  ksDir, current.map(KekRing::of), KekManifest.loader(ksDir, env, drivers));
          if (store.keks().isEmpty() && !store.names().isEmpty()) {
            throw new MissingKekException(
                "kek rotation: keystore.kek (" + ks.kek() + ") does not open a key here");
          }
          RotationReport report =
              store.keks().isPresent()
                  ? store.rotateKek(next)
                  : new RotationReport(next.id(), List.of(), List.of());
          System.out.println(
              "re-wrapped "
                  + report.rewrapped().size()
                  + " entries under KEK "
                  + report.kekId()
                  + " ("
                  + report.alreadyCurrent().size()
                  + " already were)");
          System.out.println(
              "set keystore.kek: "
                  + KekSpec.format(nextSpec)
                  + " in the config before the next restart; running gateways already read the"
                  + " new KEK through keystore/"
                  + KekManifest.FILE);
        }
        return 0;
      } catch (KeystoreException | ConfigException e) {
        System.err.println("sovereign kek rotate: " + e.getMessage());
        return 2;
      } catch (IOException e) {
        System.err.println("sovereign kek rotate: " + e.getMessage());
        return 1;
      } finally {
        drivers.forEach(KmsDriver::close);
      }
    }

    private KekSpec generate() throws IOException {
      Path file = target.newKeyFile.toAbsolutePath().normalize();
      try {
        Files.createFile(
            file,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } catch (FileAlreadyExistsException e) {
        throw new KeystoreException("new key file " + file + " exists: refusing to overwrite");
      }
      Files.writeString(file, LocalKek.newEncodedKey() + "\n", StandardCharsets.US_ASCII);
      try (var ch =
          java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.WRITE)) {
        ch.force(true);
      }
      return new KekSpec.FromFile(file);
    }
  }

  @Command(
      name = "retire",
      mixinStandardHelpOptions = true,
      description =
          "Drop an old KEK from the keystore manifest once no secret is wrapped under it.")
  static final class Retire implements Callable<Integer> {
    @Option(names = "--kek", required = true, description = "id of the KEK to retire")
    String kekId;

    @Option(
        names = "--config",
        description = "the gateway's config file, for keystore.kek and the KMS clients")
    Path config;

    @Option(names = "--data-dir", description = "data directory (default from config)")
    Path dataDir;

    @Override
    public Integer call() {
      Map<String, String> env = System.getenv();
      List<KmsDriver> drivers = List.of();
      try {
        GatewayConfig loaded = config == null ? ConfigLoader.defaults() : ConfigLoader.load(config);
        KeystoreConfig ks = loaded.keystore();
        DataDir dir = DataDir.open(dataDir != null ? dataDir : loaded.server().dataDir());
        drivers = Keystores.drivers(ks, env);
        Path ksDir = LocalFileKeystore.open(dir.resolve(Keystores.LOCAL_DIR)).directory();
        try (KeystoreLock lock = KeystoreLock.acquire(ksDir)) {
          Optional<Kek> current = ks.kekSpec().open(env, drivers);
          if (current.isPresent() && current.get().id().equals(kekId)) {
            throw new KeystoreException(
                "kek "
                    + kekId
                    + " is keystore.kek in the config: rotate to a new KEK and point"
                    + " keystore.kek at it first");
          }
          KekManifest manifest = KekManifest.read(ksDir);
          long users =
              LocalFileKeystore.open(ksDir).kekIds().values().stream()
                  .filter(kekId::equals)
                  .count();
          if (users > 0) {
            throw new KeystoreException(
                "kek "
                    + kekId
                    + " still wraps "
                    + users
                    + " entries: run 'sovereign kek rotate' to completion first");
          }
          if (manifest.find(kekId).isEmpty()) {
            throw new KeystoreException("kek " + kekId + " is not in keystore/" + KekManifest.FILE);
          }
          manifest.without(kekId).write(ksDir);
          System.out.println(
              "retired kek "
                  + kekId
                  + ": no secret is wrapped under it and gateways no longer load it; its key"
                  + " material can be destroyed");
        }
        return 0;
      } catch (KeystoreException | ConfigException e) {
        System.err.println("sovereign kek retire: " + e.getMessage());
        return 2;
      } catch (IOException e) {
        System.err.println("sovereign kek retire: " + e.getMessage());
        return 1;
      } finally {
        drivers.forEach(KmsDriver::close);
      }
    }
  }
}
