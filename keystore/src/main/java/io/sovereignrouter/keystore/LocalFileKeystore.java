package io.sovereignrouter.keystore;

import io.sovereignrouter.keystore.internal.AtomicFiles;
import io.sovereignrouter.keystore.internal.Entry;
import io.sovereignrouter.keystore.internal.EntryCodec;
import io.sovereignrouter.keystore.internal.Envelope;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Secrets encrypted at rest in a directory, one file {@code NAME.secret} (mode 0600) per secret,
 * with envelope encryption: each secret has its own AES-256-GCM data key, wrapped by the current
 * {@link Kek}. Writes are atomic renames, so a crash leaves the old or the new entry, never a torn
 * one.
 *
 * <p>Without a KEK the keystore refuses to store anything ({@link MissingKekException}): secrets
 * are never written in plaintext. KEK rotation ({@link #rotateKek}) is online: the old KEK stays in
 * the ring and keeps decrypting entries not yet re-wrapped.
 *
 * <p>Thread-safe: writes are serialised on this object; reads need no lock.
 */
public final class LocalFileKeystore implements SecretSource {
  private static final String SUFFIX = ".secret";

  private final Path dir;
  private final KekLoader loader;
  private volatile Optional<KekRing> keks;

  private LocalFileKeystore(Path dir, Optional<KekRing> keks, KekLoader loader) {
    this.dir = dir;
    this.keks = keks;
    this.loader = loader;
  }

  /**
   * Opens a keystore without a KEK: it can list entries but not read or store secrets.
   *
   * @param dir the keystore directory (created with mode 0700 when absent)
   * @return the keystore
   * @throws KeystoreException if the directory cannot be created
   */
  public static LocalFileKeystore open(Path dir) {
    return create(dir, Optional.empty(), KekLoader.NONE);
  }

  /**
   * Opens a keystore with KEKs.
   *
   * @param dir the keystore directory (created with mode 0700 when absent)
   * @param keks current KEK for writes, previous ones for reads during a rotation
   * @return the keystore
   * @throws KeystoreException if the directory cannot be created
   */
  public static LocalFileKeystore open(Path dir, KekRing keks) {
    return create(dir, Optional.of(keks), KekLoader.NONE);
  }

  /**
   * Opens a keystore whose entries may be wrapped under KEKs the ring does not hold yet: an entry
   * under an unknown KEK id asks {@code loader}, and a KEK it returns joins the ring. This is how a
   * running gateway keeps reading while another process rotates the KEK ({@link KekManifest}).
   *
   * @param dir the keystore directory (created with mode 0700 when absent)
   * @param keks the configured KEK, if any
   * @param loader finds other KEKs by id
   * @return the keystore
   * @throws KeystoreException if the directory cannot be created
   */
  public static LocalFileKeystore open(Path dir, Optional<KekRing> keks, KekLoader loader) {
    return create(dir, keks, loader);
  }

  private static LocalFileKeystore create(Path dir, Optional<KekRing> keks, KekLoader loader) {
    try {
      AtomicFiles.ensureDirectory(dir);
    } catch (IOException e) {
      throw new KeystoreException("keystore directory " + dir + ": cannot create", e);
    }
    return new LocalFileKeystore(dir, keks, loader);
  }

  /**
   * The directory holding the entries.
   *
   * @return the directory
   */
  public Path directory() {
    return dir;
  }

  /**
   * The KEKs in use.
   *
   * @return the ring, or empty when no KEK is configured
   */
  public Optional<KekRing> keks() {
    return keks;
  }

  /**
   * Encrypts and stores a secret, replacing any entry of that name.
   *
   * @param name the entry name, matching {@link SecretRef#NAME}
   * @param value the secret; not retained
   * @return the id of the KEK that wrapped it
   * @throws MissingKekException if no KEK is configured
   * @throws KeystoreException on I/O or KMS failure
   */
  public synchronized String put(String name, byte[] value) {
    String checked = new FileRef(name).name();
    KekRing ring =
        keks.orElseThrow(
            () ->
                new MissingKekException(
                    "refusing to store secret '"
                        + checked
                        + "': no key-encryption key configured (set "
                        + LocalKek.ENV
                        + " or "
                        + LocalKek.ENV_FILE
                        + ", or configure an AWS/GCP KMS key); secrets are never stored in"
                        + " plaintext"));
    Entry entry = Envelope.seal(ring.current(), checked, value);
    write(entry);
    return entry.kekId();
  }

  /**
   * Decrypts a secret.
   *
   * @param name the entry name
   * @return the plaintext (caller zeroes it), or empty when there is no such entry
   * @throws MissingKekException if the entry exists but no KEK is configured
   * @throws SecretDecryptionException if its KEK is not in the ring or it does not authenticate
   */
  @Override
  public Optional<byte[]> lookup(String name) {
    Optional<Entry> entry = read(name);
    if (entry.isEmpty()) {
      return Optional.empty();
    }
    Entry e = entry.get();
    if (keks.isEmpty() && loader == KekLoader.NONE) {
      throw new MissingKekException(
          "secret '" + name + "' is encrypted but no key-encryption key is configured");
    }
    Kek kek =
        kekFor(e.kekId())
            .orElseThrow(
                () ->
                    new SecretDecryptionException(
                        "secret '"
                            + name
                            + "' is wrapped under kek "
                            + e.kekId()
                            + ", not configured"));
    return Optional.of(Envelope.open(kek, e));
  }

  /**
   * Deletes an entry.
   *
   * @param name the entry name
   * @return true if it existed
   */
  public synchronized boolean delete(String name) {
    try {
      return AtomicFiles.delete(path(name));
    } catch (IOException e) {
      throw new KeystoreException("keystore entry " + name + ": cannot delete", e);
    }
  }

  /**
   * Names of all entries, sorted.
   *
   * @return the names
   */
  public List<String> names() {
    return List.copyOf(kekIds().keySet());
  }

  /**
   * For each entry, the id of the KEK wrapping its data key: shows a rotation's progress.
   *
   * @return entry name to KEK id, sorted by name
   */
  public Map<String, String> kekIds() {
    Map<String, String> out = new TreeMap<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*" + SUFFIX)) {
      for (Path p : ds) {
        String file = p.getFileName().toString();
        String name = file.substring(0, file.length() - SUFFIX.length());
        if (SecretRef.NAME.matcher(name).matches()) {
          read(name).ifPresent(e -> out.put(e.name(), e.kekId()));
        }
      }
    } catch (IOException e) {
      throw new KeystoreException("keystore directory " + dir + ": cannot list", e);
    }
    return out;
  }

  /**
   * Rotates to a new KEK without downtime: {@code next} becomes current (new writes use it), then
   * every entry's data key is re-wrapped under it, one atomic file replacement at a time. The old
   * KEKs stay in the ring, so readers succeed throughout, and a crash mid-way leaves every entry
   * readable; running the rotation again resumes it. Retire the old KEK with {@link #retireKek}
   * once this returns.
   *
   * @param next the new KEK
   * @return which entries were re-wrapped
   * @throws MissingKekException if the keystore has no KEK yet (nothing could be unwrapped)
   * @throws KeystoreException if an entry cannot be re-wrapped; entries done so far stay done
   */
  public synchronized RotationReport rotateKek(Kek next) {
    KekRing ring =
        keks.orElseThrow(
                () -> new MissingKekException("kek rotation: no current key-encryption key"))
            .rotateTo(next);
    keks = Optional.of(ring);
    List<String> rewrapped = new ArrayList<>();
    List<String> current = new ArrayList<>();
    for (Map.Entry<String, String> e : kekIds().entrySet()) {
      if (e.getValue().equals(next.id())) {
        current.add(e.getKey());
        continue;
      }
      Entry entry = read(e.getKey()).orElseThrow();
      Kek from =
          kekFor(entry.kekId())
              .orElseThrow(
                  () ->
                      new SecretDecryptionException(
                          "kek rotation: entry '"
                              + entry.name()
                              + "' is wrapped under kek "
                              + entry.kekId()
                              + ", not configured"));
      write(Envelope.rewrap(from, next, entry));
      rewrapped.add(entry.name());
    }
    return new RotationReport(next.id(), rewrapped, current);
  }

  /**
   * Drops a previous KEK from the ring after a rotation.
   *
   * @param kekId the id to retire
   * @throws KeystoreException if it is the current KEK or an entry still uses it
   */
  public synchronized void retireKek(String kekId) {
    KekRing ring = keks.orElseThrow(() -> new MissingKekException("no key-encryption key"));
    List<String> users =
        kekIds().entrySet().stream()
            .filter(e -> e.getValue().equals(kekId))
            .map(Map.Entry::getKey)
            .toList();
    if (!users.isEmpty()) {
      throw new KeystoreException(
          "cannot retire kek " + kekId + ": still wraps " + users.size() + " entries");
    }
    keks = Optional.of(ring.without(kekId));
  }

  /** The ring's KEK with this id, else the loader's (which then joins the ring). */
  private Optional<Kek> kekFor(String kekId) {
    Optional<Kek> known = keks.flatMap(r -> r.find(kekId));
    if (known.isPresent()) {
      return known;
    }
    Optional<Kek> loaded = loader.load(kekId);
    loaded.ifPresent(this::remember);
    return loaded;
  }

  private synchronized void remember(Kek kek) {
    keks = Optional.of(keks.map(r -> r.withPrevious(kek)).orElseGet(() -> KekRing.of(kek)));
  }

  private Optional<Entry> read(String name) {
    byte[] bytes;
    try {
      Path p = path(name);
      if (Files.size(p) > EntryCodec.MAX_BYTES) {
        throw new SecretRefFormatException("keystore entry " + name + ": too large");
      }
      bytes = Files.readAllBytes(p);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new KeystoreException("keystore entry " + name + ": cannot read", e);
    }
    Entry entry = EntryCodec.parse(bytes);
    if (!entry.name().equals(name)) {
      throw new SecretDecryptionException(
          "keystore entry file " + name + SUFFIX + " holds entry '" + entry.name() + "'");
    }
    return Optional.of(entry);
  }

  private void write(Entry entry) {
    try {
      AtomicFiles.write(path(entry.name()), EntryCodec.format(entry));
    } catch (IOException e) {
      throw new KeystoreException("keystore entry " + entry.name() + ": cannot write", e);
    }
  }

  private Path path(String name) {
    return dir.resolve(new FileRef(name).name() + SUFFIX);
  }

  @Override
  public String toString() {
    return "LocalFileKeystore[" + dir + "]";
  }
}
