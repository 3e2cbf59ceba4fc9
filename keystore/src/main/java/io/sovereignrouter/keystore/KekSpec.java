package io.sovereignrouter.keystore;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where the key-encryption key comes from, as configured (config key {@code encryption-key}):
 *
 * <ul>
 *   <li>{@code env}: {@value LocalKek#ENV} or {@value LocalKek#ENV_FILE} ({@link FromEnv});
 *   <li>{@code file:PATH}: a key file holding base64 of 32 bytes ({@link FromFile});
 *   <li>{@code aws-kms:KEY-ID}: an AWS KMS key ({@link FromAwsKms});
 *   <li>{@code gcp-kms:projects/P/locations/L/keyRings/R/cryptoKeys/K}: a Cloud KMS key ({@link
 *       FromGcpKms}).
 * </ul>
 *
 * <p>{@link #parse} and {@link #format} are strict inverses.
 */
public sealed interface KekSpec
    permits KekSpec.FromEnv, KekSpec.FromFile, KekSpec.FromAwsKms, KekSpec.FromGcpKms {
  /** Longest spec accepted. */
  int MAX_LENGTH = 4096;

  /** KEK from the environment. */
  record FromEnv() implements KekSpec {}

  /**
   * KEK from a key file.
   *
   * @param file the key file
   */
  record FromFile(Path file) implements KekSpec {}

  /**
   * KEK held by AWS KMS.
   *
   * @param keyId key id, alias or ARN
   */
  record FromAwsKms(String keyId) implements KekSpec {
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9:/_.-]{0,2047}");

    /**
     * Validates the key id.
     *
     * @throws SecretRefFormatException if malformed
     */
    public FromAwsKms {
      if (!KEY_ID.matcher(keyId).matches()) {
        throw new SecretRefFormatException("aws-kms kek: expected a key id, alias or ARN");
      }
    }
  }

  /**
   * KEK held by Cloud KMS.
   *
   * @param keyName the CryptoKey resource name
   */
  record FromGcpKms(String keyName) implements KekSpec {
    /**
     * Validates the key name.
     *
     * @throws SecretRefFormatException if malformed
     */
    public FromGcpKms {
      if (!GcpKmsRef.KEY_NAME.matcher(keyName).matches()) {
        throw new SecretRefFormatException(
            "gcp-kms kek: expected projects/P/locations/L/keyRings/R/cryptoKeys/K");
      }
    }
  }

  /**
   * Parses a spec.
   *
   * @param text the spec
   * @return the spec
   * @throws SecretRefFormatException if malformed
   */
  static KekSpec parse(String text) {
    if (text.length() > MAX_LENGTH) {
      throw new SecretRefFormatException("kek spec: expected at most " + MAX_LENGTH + " chars");
    }
    if (text.equals("env")) {
      return new FromEnv();
    }
    if (text.startsWith("file:")) {
      String path = text.substring(5);
      Path parsed;
      try {
        parsed = Path.of(path);
      } catch (InvalidPathException e) {
        throw new SecretRefFormatException("kek spec: file path is not valid on this system");
      }
      // strict: no surrounding whitespace or control characters, and it prints back as written
      if (path.isEmpty()
          || !path.equals(path.strip())
          || path.chars().anyMatch(Character::isISOControl)
          || !parsed.toString().equals(path)) {
        throw new SecretRefFormatException("kek spec: expected file:PATH with a normalised path");
      }
      return new FromFile(parsed);
    }
    if (text.startsWith("aws-kms:")) {
      return new FromAwsKms(text.substring(8));
    }
    if (text.startsWith("gcp-kms:")) {
      return new FromGcpKms(text.substring(8));
    }
    throw new SecretRefFormatException(
        "kek spec: expected env, file:PATH, aws-kms:KEY-ID or gcp-kms:projects/…");
  }

  /**
   * Formats a spec; the inverse of {@link #parse}.
   *
   * @param spec the spec
   * @return its text
   */
  static String format(KekSpec spec) {
    return switch (spec) {
      case FromEnv e -> "env";
      case FromFile f -> "file:" + f.file();
      case FromAwsKms a -> "aws-kms:" + a.keyId();
      case FromGcpKms g -> "gcp-kms:" + g.keyName();
    };
  }

  /**
   * Opens the KEK this spec names.
   *
   * @param env the process environment (for {@link FromEnv})
   * @param drivers the KMS drivers available, matched by {@link KmsDriver#scheme()}
   * @return the KEK, or empty for {@link FromEnv} when neither variable is set
   * @throws KeystoreException if a key file is unreadable or malformed, or no driver serves the
   *     scheme
   */
  default Optional<Kek> open(Map<String, String> env, Collection<KmsDriver> drivers) {
    return switch (this) {
      case FromEnv e -> LocalKek.fromEnvironment(env).map(k -> (Kek) k);
      case FromFile f -> Optional.of(LocalKek.fromFile(f.file()));
      case FromAwsKms a -> Optional.of(new KmsKek(driver("aws-kms", drivers), a.keyId()));
      case FromGcpKms g -> Optional.of(new KmsKek(driver("gcp-kms", drivers), g.keyName()));
    };
  }

  private static KmsDriver driver(String scheme, Collection<KmsDriver> drivers) {
    return drivers.stream()
        .filter(d -> d.scheme().equals(scheme))
        .findFirst()
        .orElseThrow(() -> new KmsException("kek spec: no " + scheme + " driver configured"));
  }
}
