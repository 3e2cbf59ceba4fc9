package io.sovereignrouter.gateway;

import io.sovereignrouter.gateway.config.ConfigException;
import io.sovereignrouter.gateway.config.KeystoreConfig;
import io.sovereignrouter.keystore.Kek;
import io.sovereignrouter.keystore.KekManifest;
import io.sovereignrouter.keystore.KekRing;
import io.sovereignrouter.keystore.KekSpec;
import io.sovereignrouter.keystore.KeystoreException;
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
import picocli.CommandLine.Mixin;
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

    @Mixin KeystoreOptions options;

    @Override
    public Integer call() {
      return locked("rotate", options, this::rotate);
    }

    private int rotate(KeystoreOptions.Opened opened, Path ksDir) throws IOException {
      Map<String, String> env = System.getenv();
      KeystoreConfig ks = opened.keystore();
      KekSpec nextSpec = target.spec != null ? KekSpec.parse(target.spec) : generate();
      if (nextSpec instanceof KekSpec.FromEnv) {
        System.err.println(
            "sovereign kek rotate: a running gateway cannot read a new environment variable:"
                + " rotate to file:PATH, aws-kms:… or gcp-kms:…");
        return 2;
      }
      Kek next = nextSpec.open(env, opened.drivers()).orElseThrow();
      Optional<Kek> current = ks.kekSpec().open(env, opened.drivers());
      // Recorded before the first re-wrap: every reader can find both KEKs from here on.
      KekManifest manifest = KekManifest.read(ksDir);
      if (current.isPresent()) {
        manifest = manifest.with(current.get().id(), ks.kekSpec());
      }
      manifest.with(next.id(), nextSpec).write(ksDir);
      LocalFileKeystore store =
          LocalFileKeystore.open(
              ksDir, current.map(KekRing::of), KekManifest.loader(ksDir, env, opened.drivers()));
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
      return 0;
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

    @Mixin KeystoreOptions options;

    @Override
    public Integer call() {
      return locked("retire", options, this::retire);
    }

    private int retire(KeystoreOptions.Opened opened, Path ksDir) {
      Optional<Kek> current = opened.keystore().kekSpec().open(System.getenv(), opened.drivers());
      if (current.isPresent() && current.get().id().equals(kekId)) {
        throw new KeystoreException(
            "kek "
                + kekId
                + " is keystore.kek in the config: rotate to a new KEK and point"
                + " keystore.kek at it first");
      }
      long users =
          LocalFileKeystore.open(ksDir).kekIds().values().stream().filter(kekId::equals).count();
      if (users > 0) {
        throw new KeystoreException(
            "kek "
                + kekId
                + " still wraps "
                + users
                + " entries: run 'sovereign kek rotate' to completion first");
      }
      KekManifest manifest = KekManifest.read(ksDir);
      if (manifest.find(kekId).isEmpty()) {
        throw new KeystoreException("kek " + kekId + " is not in keystore/" + KekManifest.FILE);
      }
      manifest.without(kekId).write(ksDir);
      System.out.println(
          "retired kek "
              + kekId
              + ": no secret is wrapped under it and gateways no longer load it; its key"
              + " material can be destroyed");
      return 0;
    }
  }

  /** The part of a {@code kek} command that runs under the keystore lock. */
  @FunctionalInterface
  interface LockedWork {
    int run(KeystoreOptions.Opened opened, Path keystoreDir) throws IOException;
  }

  /**
   * Opens the config, the KMS clients and the keystore directory, runs {@code work} under the
   * keystore's lock, and turns failures into exit codes (2: refused or misconfigured, 1: I/O).
   */
  static int locked(String command, KeystoreOptions options, LockedWork work) {
    try (KeystoreOptions.Opened opened = options.open(System.getenv())) {
      Path ksDir = LocalFileKeystore.open(opened.dir().resolve(Keystores.LOCAL_DIR)).directory();
      try (KeystoreLock lock = KeystoreLock.acquire(ksDir)) {
        return work.run(opened, ksDir);
      }
    } catch (KeystoreException | ConfigException e) {
      System.err.println("sovereign kek " + command + ": " + e.getMessage());
      return 2;
    } catch (IOException e) {
      System.err.println("sovereign kek " + command + ": " + e.getMessage());
      return 1;
    }
  }
}
