package io.sovereignrouter.attestation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Every verifier key a log has signed with, oldest first; the last is the key it signs with now.
 * After {@code log-key rotate} a verifier needs all of them: entries and checkpoints from before
 * the rotation carry the old key's signatures, later ones the new key's, and the checkpoint that
 * covers the rotation entry carries both. All keys share the log's name (its origin).
 *
 * <p>Text form ({@code log-keys.pub}): one signed-note verifier key per line, oldest first; blank
 * lines and lines starting with {@code #} are ignored.
 *
 * @param keys the keys, oldest first (at least one, distinct, one name)
 */
public record LogKeys(List<NoteVerifierKey> keys) {
  /**
   * Validates and copies.
   *
   * @throws IllegalArgumentException if empty, repeated or of different names
   */
  public LogKeys {
    keys = List.copyOf(keys);
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("a log has at least one key");
    }
    if (new LinkedHashSet<>(keys).size() != keys.size()) {
      throw new IllegalArgumentException("log keys repeat a key");
    }
    String name = keys.get(0).name();
    for (NoteVerifierKey k : keys) {
      if (!k.name().equals(name)) {
        throw new IllegalArgumentException("log keys name two logs: " + name + " and " + k.name());
      }
    }
  }

  /**
   * The keys of a log that never rotated.
   *
   * @param key its only key
   * @return the key set
   */
  public static LogKeys of(NoteVerifierKey key) {
    return new LogKeys(List.of(key));
  }

  /**
   * Parses the text form.
   *
   * @param text one verifier key per line
   * @return the key set
   * @throws FormatException if a line is not a verifier key, or the keys do not form a key set
   */
  public static LogKeys parse(String text) {
    List<NoteVerifierKey> keys = new ArrayList<>();
    for (String line : text.split("\n", -1)) {
      String l = line.strip();
      if (!l.isEmpty() && !l.startsWith("#")) {
        keys.add(NoteVerifierKey.parse(l));
      }
    }
    try {
      return new LogKeys(keys);
    } catch (IllegalArgumentException e) {
      throw new FormatException("log keys: " + e.getMessage(), e);
    }
  }

  /**
   * The text form, one key per line.
   *
   * @return the text, ending in a newline
   */
  public String format() {
    StringBuilder sb = new StringBuilder();
    keys.forEach(k -> sb.append(k.format()).append('\n'));
    return sb.toString();
  }

  /**
   * The log's name: the origin of its checkpoints and the name of each key.
   *
   * @return the name
   */
  public String name() {
    return keys.get(0).name();
  }

  /**
   * The key the log signs with now.
   *
   * @return the newest key
   */
  public NoteVerifierKey current() {
    return keys.get(keys.size() - 1);
  }

  /**
   * This key set with a newer key appended (a rotation).
   *
   * @param next the new key
   * @return the longer key set
   */
  public LogKeys with(NoteVerifierKey next) {
    List<NoteVerifierKey> more = new ArrayList<>(keys);
    more.add(next);
    return new LogKeys(more);
  }
}
