package io.sovereignrouter.keystore;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.aead.AesGcmKey;
import com.google.crypto.tink.aead.AesGcmParameters;
import com.google.crypto.tink.subtle.AesGcmJce;
import com.google.crypto.tink.util.SecretBytes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link Kek} held by the operator: 32 random bytes, given base64-encoded in {@code
 * SOVEREIGN_ENCRYPTION_KEY} or in a key file, used as a Tink AES-256-GCM AEAD.
 */
public final class LocalKek implements Kek {
  /** Environment variable holding the base64 KEK. */
  public static final String ENV = "SOVEREIGN_ENCRYPTION_KEY";

  /** Environment variable naming a file that holds the base64 KEK. */
  public static final String ENV_FILE = "SOVEREIGN_ENCRYPTION_KEY_FILE";

  private final Aead aead;
  private final String id;

  private LocalKek(byte[] key) {
    try {
      AesGcmParameters params =
          AesGcmParameters.builder()
              .setKeySizeBytes(DataKey.BYTES)
              .setIvSizeBytes(12)
              .setTagSizeBytes(16)
              .setVariant(AesGcmParameters.Variant.NO_PREFIX)
              .build();
      this.aead =
          AesGcmJce.create(
              AesGcmKey.builder()
                  .setParameters(params)
                  .setKeyBytes(SecretBytes.copyFrom(key, InsecureSecretKeyAccess.get()))
                  .build());
      // the id is a hash of a 256-bit random key under a domain label: it reveals nothing usable
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update("sovereign-kek-id\n".getBytes(StandardCharsets.US_ASCII));
      this.id = "local:" + HexFormat.of().formatHex(sha.digest(key), 0, 6);
    } catch (GeneralSecurityException e) {
      throw new KeystoreException("AES-256-GCM unavailable", e);
    }
  }

  /**
   * Creates a KEK from raw key bytes.
   *
   * @param key exactly 32 bytes; copied
   * @return the KEK
   * @throws KeystoreException if the key is not 32 bytes
   */
  public static LocalKek of(byte[] key) {
    if (key.length != DataKey.BYTES) {
      throw new KeystoreException(
          "encryption key: expected " + DataKey.BYTES + " bytes, got " + key.length);
    }
    return new LocalKek(key);
  }

  /**
   * Parses the text form: standard base64 of 32 bytes, surrounding whitespace ignored.
   *
   * @param text the encoded key
   * @return the KEK
   * @throws KeystoreException if the text is not base64 of 32 bytes
   */
  public static LocalKek parse(String text) {
    byte[] key;
    try {
      key = Base64.getDecoder().decode(text.strip());
    } catch (IllegalArgumentException e) {
      // the JDK message may quote the offending character: drop it
      throw new KeystoreException("encryption key: expected base64 of 32 bytes");
    }
    try {
      return of(key);
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  /**
   * Reads a key file holding the text form.
   *
   * @param file the key file
   * @return the KEK
   * @throws KeystoreException if the file cannot be read or is malformed
   */
  public static LocalKek fromFile(Path file) {
    try {
      if (Files.size(file) > 1024) {
        throw new KeystoreException("encryption key file " + file + ": expected under 1 KiB");
      }
      return parse(Files.readString(file, StandardCharsets.US_ASCII));
    } catch (IOException e) {
      throw new KeystoreException("encryption key file " + file + ": cannot read", e);
    }
  }

  /**
   * The KEK configured in an environment: {@value #ENV} or {@value #ENV_FILE}, not both.
   *
   * @param env the environment, e.g. {@code System.getenv()}
   * @return the KEK, or empty when neither variable is set
   * @throws KeystoreException if both are set or the value is malformed
   */
  public static Optional<LocalKek> fromEnvironment(Map<String, String> env) {
    String inline = env.get(ENV);
    String file = env.get(ENV_FILE);
    if (inline != null && file != null) {
      throw new KeystoreException("set " + ENV + " or " + ENV_FILE + ", not both");
    }
    if (inline != null) {
      return Optional.of(parse(inline));
    }
    return file == null ? Optional.empty() : Optional.of(fromFile(Path.of(file)));
  }

  /**
   * Generates a new random key in the text form accepted by {@link #parse}, for {@code kek rotate}.
   *
   * @return base64 of 32 random bytes
   */
  public static String newEncodedKey() {
    byte[] key = new byte[DataKey.BYTES];
    new SecureRandom().nextBytes(key);
    try {
      return Base64.getEncoder().encodeToString(key);
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public byte[] wrap(byte[] dataKey, byte[] aad) {
    try {
      return aead.encrypt(dataKey, aad);
    } catch (GeneralSecurityException e) {
      throw new KeystoreException("wrap under " + id + " failed", e);
    }
  }

  @Override
  public byte[] unwrap(byte[] wrapped, byte[] aad) {
    try {
      return aead.decrypt(wrapped, aad);
    } catch (GeneralSecurityException e) {
      throw new SecretDecryptionException("data key does not authenticate under " + id, e);
    }
  }

  @Override
  public String toString() {
    return "LocalKek[" + id + "]";
  }
}
