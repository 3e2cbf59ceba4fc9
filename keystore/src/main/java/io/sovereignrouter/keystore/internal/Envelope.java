package io.sovereignrouter.keystore.internal;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.aead.AesGcmKey;
import com.google.crypto.tink.aead.AesGcmParameters;
import com.google.crypto.tink.subtle.AesGcmJce;
import com.google.crypto.tink.util.SecretBytes;
import io.sovereignrouter.keystore.DataKey;
import io.sovereignrouter.keystore.Kek;
import io.sovereignrouter.keystore.KeystoreException;
import io.sovereignrouter.keystore.KmsKek;
import io.sovereignrouter.keystore.SecretDecryptionException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;

/**
 * Envelope encryption of one secret: a fresh AES-256-GCM data key (Tink) seals the secret, the
 * {@link Kek} wraps the data key. Both ciphertexts are bound to the entry name through associated
 * data, so swapping two entry files on disk makes both fail to decrypt.
 */
public final class Envelope {
  private Envelope() {}

  /**
   * Seals a secret under a new data key wrapped by {@code kek}.
   *
   * @param kek the wrapping KEK
   * @param name the entry name
   * @param plaintext the secret; not retained
   * @return the entry
   */
  public static Entry seal(Kek kek, String name, byte[] plaintext) {
    try (DataKey dk = kek.newDataKey(dekAad(name))) {
      byte[] raw = dk.plaintext();
      try {
        return new Entry(
            name, kek.id(), dk.wrapped(), aead(raw).encrypt(plaintext, secretAad(name)));
      } catch (GeneralSecurityException e) {
        throw new KeystoreException("sealing entry " + name + " failed", e);
      } finally {
        Arrays.fill(raw, (byte) 0);
      }
    }
  }

  /**
   * Opens an entry with the KEK that wrapped its data key.
   *
   * @param kek the KEK named by {@code entry.kekId()}
   * @param entry the entry
   * @return the secret; the caller zeroes it
   * @throws SecretDecryptionException if anything does not authenticate
   */
  public static byte[] open(Kek kek, Entry entry) {
    byte[] raw = kek.unwrap(entry.wrappedDek(), dekAad(entry.name()));
    try {
      return aead(raw).decrypt(entry.ciphertext(), secretAad(entry.name()));
    } catch (GeneralSecurityException e) {
      throw new SecretDecryptionException("entry " + entry.name() + " does not authenticate", e);
    } finally {
      Arrays.fill(raw, (byte) 0);
    }
  }

  /**
   * Re-wraps an entry's data key under {@code to}; the secret ciphertext is unchanged.
   *
   * @param from the KEK that wrapped it
   * @param to the new KEK
   * @param entry the entry
   * @return the rewrapped entry
   */
  public static Entry rewrap(Kek from, Kek to, Entry entry) {
    byte[] aad = dekAad(entry.name());
    if (from instanceof KmsKek f && to instanceof KmsKek t && f.driver() == t.driver()) {
      // same KMS on both sides: let it move the data key without exposing it to us
      return entry.rewrapped(
          to.id(), t.driver().reEncrypt(f.keyId(), t.keyId(), entry.wrappedDek(), aad));
    }
    byte[] raw = from.unwrap(entry.wrappedDek(), aad);
    try {
      return entry.rewrapped(to.id(), to.wrap(raw, aad));
    } finally {
      Arrays.fill(raw, (byte) 0);
    }
  }

  static byte[] dekAad(String name) {
    return ("sovereign-dek v1\n" + name).getBytes(StandardCharsets.UTF_8);
  }

  static byte[] secretAad(String name) {
    return ("sovereign-secret v1\n" + name).getBytes(StandardCharsets.UTF_8);
  }

  private static Aead aead(byte[] raw) throws GeneralSecurityException {
    AesGcmParameters params =
        AesGcmParameters.builder()
            .setKeySizeBytes(DataKey.BYTES)
            .setIvSizeBytes(12)
            .setTagSizeBytes(16)
            .setVariant(AesGcmParameters.Variant.NO_PREFIX)
            .build();
    return AesGcmJce.create(
        AesGcmKey.builder()
            .setParameters(params)
            .setKeyBytes(SecretBytes.copyFrom(raw, InsecureSecretKeyAccess.get()))
            .build());
  }
}
