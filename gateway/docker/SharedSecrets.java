/*
 * Init step for replicas (helm/sovereign-router): copies the data-dir secrets every replica must
 * share from a read-only Secret volume into the writable data dir, each file mode 0600 and owned
 * by the gateway's user. A Secret volume cannot be the data dir itself: the gateway writes there
 * (sovereign.db, log.pub) and re-applies 0600 to every secret it reads, which a kubelet-owned,
 * read-only file refuses. Compiled in the Dockerfile's build stage like Healthcheck; not part of
 * the gateway jar. Usage:
 *
 *   java -cp /app/healthcheck SharedSecrets /etc/sovereign/shared /var/lib/sovereign
 *
 * Fails (exit 1) when a required file is missing, empty or larger than 64 KiB, so a replica never
 * starts on secrets of its own (a second log.key, admin token or key-hash pepper). Prints file
 * names only, never contents.
 */
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

public final class SharedSecrets {
  /** What every replica must share (gateway Gateway/AuditLog/Keystores file names). */
  static final List<String> REQUIRED =
      List.of("admin.token", "keyhash.secret", "log.key", "scan.key", "fingerprint.keys");

  /** Shared when present: one demo key instead of a new one per replica start. */
  static final List<String> OPTIONAL = List.of("demo.key");

  private static final long MAX_BYTES = 64 * 1024;

  private SharedSecrets() {}

  public static void main(String[] args) {
    if (args.length != 2) {
      System.err.println("usage: SharedSecrets SECRET_DIR DATA_DIR");
      System.exit(2);
    }
    Path from = Path.of(args[0]);
    Path to = Path.of(args[1]);
    try {
      for (String name : REQUIRED) {
        copy(from, to, name, true);
      }
      for (String name : OPTIONAL) {
        copy(from, to, name, false);
      }
    } catch (IOException | IllegalStateException e) {
      System.err.println("shared-secrets: " + e.getMessage());
      System.exit(1);
    }
  }

  private static void copy(Path from, Path to, String name, boolean required) throws IOException {
    Path source = from.resolve(name);
    if (!Files.exists(source)) {
      if (required) {
        throw new IllegalStateException(
            source + " is missing; the shared Secret needs keys " + REQUIRED + " (README: Deploy)");
      }
      return;
    }
    long size = Files.size(source);
    if (size == 0 || size > MAX_BYTES) {
      throw new IllegalStateException(
          source + ": expected 1.." + MAX_BYTES + " bytes, found " + size);
    }
    Path temp = to.resolve("." + name + ".tmp");
    Files.deleteIfExists(temp);
    Files.createFile(temp, PosixFilePermissions.asFileAttribute(
        PosixFilePermissions.fromString("rw-------")));
    Files.write(temp, Files.readAllBytes(source));
    Files.move(temp, to.resolve(name), StandardCopyOption.REPLACE_EXISTING,
        StandardCopyOption.ATOMIC_MOVE);
    System.out.println("shared-secrets: " + name + " -> " + to.resolve(name) + " (0600)");
  }
}
