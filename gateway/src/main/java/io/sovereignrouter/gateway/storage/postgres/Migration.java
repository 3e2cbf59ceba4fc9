package io.sovereignrouter.gateway.storage.postgres;

import io.sovereignrouter.gateway.storage.StorageException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One versioned schema script, {@code V<version>__<name>.sql}.
 *
 * @param version position in the sequence, from 1
 * @param name the script's file name
 * @param sql its text (one or more statements)
 * @param checksum hex SHA-256 of the text: an applied script must never change
 */
public record Migration(int version, String name, String sql, String checksum) {
  private static final Pattern NAME = Pattern.compile("V([1-9][0-9]{0,8})__([a-z0-9_]+)\\.sql");

  /** Checks the fields. */
  public Migration {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(sql, "sql");
    Objects.requireNonNull(checksum, "checksum");
    if (version < 1) {
      throw new StorageException("migration version must be positive, was " + version);
    }
  }

  /**
   * Parses a script's file name and text.
   *
   * @param fileName e.g. {@code V1__log.sql}
   * @param bytes the UTF-8 script
   * @return the migration
   * @throws StorageException when the name is not {@code V<n>__<lower_snake>.sql}
   */
  public static Migration of(String fileName, byte[] bytes) {
    Matcher m = NAME.matcher(fileName);
    if (!m.matches()) {
      throw new StorageException(
          "migration file name must be V<n>__<lower_snake>.sql, was " + fileName);
    }
    return new Migration(
        Integer.parseInt(m.group(1)),
        fileName,
        new String(bytes, StandardCharsets.UTF_8),
        sha256(bytes));
  }

  /**
   * Whether a file name looks like a migration script.
   *
   * @param fileName a resource name
   * @return true for {@code V<n>__<lower_snake>.sql}
   */
  public static boolean isScript(String fileName) {
    return NAME.matcher(fileName).matches();
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is mandatory in every JDK", e);
    }
  }
}
