package io.sovereignrouter.keystore;

import io.sovereignrouter.keystore.internal.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where each KEK a keystore has used lives: one line {@code KEK-ID SP KEK-SPEC LF} per KEK, oldest
 * first, in {@code kek-manifest} next to the entries. It holds no key material, only {@link
 * KekSpec}s ({@code file:PATH}, {@code aws-kms:…}, {@code gcp-kms:…}, {@code env}).
 *
 * <p>{@code kek rotate} writes the new KEK here (atomically) before it re-wraps the first entry, so
 * any process reading the keystore — a running gateway, or one restarted after a crash mid-way —
 * can open an entry whichever KEK it is under ({@link #loader}). {@link #parse} and {@link #format}
 * are strict inverses.
 *
 * @param entries the KEKs, oldest first, ids unique
 */
public record KekManifest(List<Entry> entries) {
  /** File name inside the keystore directory. */
  public static final String FILE = "kek-manifest";

  /** Largest manifest accepted. */
  public static final int MAX_BYTES = 64 * 1024;

  private static final Pattern KEK_ID = Pattern.compile("[a-z][a-z0-9-]{0,31}:[!-~]{1,2048}");

  /** An empty manifest. */
  public static final KekManifest EMPTY = new KekManifest(List.of());

  /**
   * One KEK.
   *
   * @param kekId its {@link Kek#id()}
   * @param spec where it lives
   */
  public record Entry(String kekId, KekSpec spec) {
    /**
     * Validates the id.
     *
     * @throws SecretRefFormatException if the id is malformed
     */
    public Entry {
      if (!KEK_ID.matcher(kekId).matches()) {
        throw new SecretRefFormatException("kek manifest: malformed kek id");
      }
    }
  }

  /**
   * Copies and checks that ids are unique.
   *
   * @throws SecretRefFormatException on a duplicate id
   */
  public KekManifest {
    entries = List.copyOf(entries);
    Set<String> ids = new HashSet<>();
    for (Entry e : entries) {
      if (!ids.add(e.kekId())) {
        throw new SecretRefFormatException("kek manifest: duplicate kek id " + e.kekId());
      }
    }
  }

  /**
   * The spec recorded for a KEK id.
   *
   * @param kekId the id
   * @return its spec, or empty
   */
  public Optional<KekSpec> find(String kekId) {
    return entries.stream().filter(e -> e.kekId().equals(kekId)).map(Entry::spec).findFirst();
  }

  /**
   * This manifest plus one KEK (unchanged if the id is already listed).
   *
   * @param kekId the id
   * @param spec where it lives
   * @return the manifest
   */
  public KekManifest with(String kekId, KekSpec spec) {
    if (find(kekId).isPresent()) {
      return this;
    }
    List<Entry> all = new ArrayList<>(entries);
    all.add(new Entry(kekId, spec));
    return new KekManifest(all);
  }

  /**
   * This manifest without a KEK (unchanged if the id is not listed).
   *
   * @param kekId the id to drop
   * @return the manifest
   */
  public KekManifest without(String kekId) {
    return new KekManifest(entries.stream().filter(e -> !e.kekId().equals(kekId)).toList());
  }

  /**
   * Parses the file form.
   *
   * @param text the manifest
   * @return the manifest
   * @throws SecretRefFormatException if malformed
   */
  public static KekManifest parse(String text) {
    if (text.length() > MAX_BYTES) {
      throw new SecretRefFormatException("kek manifest: expected at most " + MAX_BYTES + " bytes");
    }
    if (!text.isEmpty() && !text.endsWith("\n")) {
      throw new SecretRefFormatException("kek manifest: expected a final newline");
    }
    List<Entry> entries = new ArrayList<>();
    for (String line : text.isEmpty() ? new String[0] : text.split("\n", -1)) {
      if (line.isEmpty()) {
        continue; // the split's trailing element; blank lines fail the re-format check below
      }
      int sp = line.indexOf(' ');
      if (sp <= 0) {
        throw new SecretRefFormatException("kek manifest: expected 'KEK-ID SPEC' per line");
      }
      entries.add(new Entry(line.substring(0, sp), KekSpec.parse(line.substring(sp + 1))));
    }
    KekManifest m = new KekManifest(entries);
    // strict: blank lines, stray spaces and non-canonical specs do not survive re-formatting
    if (!format(m).equals(text)) {
      throw new SecretRefFormatException("kek manifest: not in canonical form");
    }
    return m;
  }

  /**
   * Formats the file form; the inverse of {@link #parse}.
   *
   * @param manifest the manifest
   * @return its text
   */
  public static String format(KekManifest manifest) {
    StringBuilder b = new StringBuilder();
    for (Entry e : manifest.entries()) {
      b.append(e.kekId()).append(' ').append(KekSpec.format(e.spec())).append('\n');
    }
    return b.toString();
  }

  /**
   * Reads the manifest of a keystore directory.
   *
   * @param dir the keystore directory
   * @return the manifest, {@link #EMPTY} when there is none
   * @throws KeystoreException if it cannot be read or is malformed
   */
  public static KekManifest read(Path dir) {
    Path file = dir.resolve(FILE);
    try {
      if (Files.size(file) > MAX_BYTES) {
        throw new SecretRefFormatException("kek manifest " + file + ": too large");
      }
      return parse(Files.readString(file, StandardCharsets.UTF_8));
    } catch (NoSuchFileException e) {
      return EMPTY;
    } catch (IOException e) {
      throw new KeystoreException("kek manifest " + file + ": cannot read", e);
    }
  }

  /**
   * Writes the manifest into a keystore directory atomically (temp file, fsync, rename).
   *
   * @param dir the keystore directory
   * @throws KeystoreException on I/O failure
   */
  public void write(Path dir) {
    try {
      AtomicFiles.write(dir.resolve(FILE), format(this).getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new KeystoreException("kek manifest in " + dir + ": cannot write", e);
    }
  }

  /**
   * A loader that re-reads the manifest of {@code dir} and opens the spec recorded for an id, in
   * this process's environment and with its KMS drivers. A spec that opens to a different KEK (e.g.
   * {@code env} holding another key here) is not the one asked for: empty.
   *
   * @param dir the keystore directory
   * @param env the process environment (for {@code env} specs)
   * @param drivers the KMS drivers
   * @return the loader
   */
  public static KekLoader loader(Path dir, Map<String, String> env, Collection<KmsDriver> drivers) {
    List<KmsDriver> ds = List.copyOf(drivers);
    return kekId ->
        read(dir).find(kekId).flatMap(spec -> spec.open(env, ds)).filter(k -> k.id().equals(kekId));
  }
}
