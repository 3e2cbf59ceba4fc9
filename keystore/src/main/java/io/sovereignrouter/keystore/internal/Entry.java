package io.sovereignrouter.keystore.internal;

import java.util.Arrays;
import java.util.Objects;

/**
 * One encrypted secret at rest: the secret sealed under a data key, and the data key wrapped under
 * the KEK named {@code kekId}. Holds no plaintext.
 *
 * @param name the entry name the ciphertexts are bound to
 * @param kekId the {@code Kek.id()} that wrapped the data key
 * @param wrappedDek the wrapped data key
 * @param ciphertext the AES-256-GCM ciphertext of the secret
 */
public record Entry(String name, String kekId, byte[] wrappedDek, byte[] ciphertext) {
  /** Copies the arrays. */
  public Entry {
    wrappedDek = wrappedDek.clone();
    ciphertext = ciphertext.clone();
  }

  @Override
  public byte[] wrappedDek() {
    return wrappedDek.clone();
  }

  @Override
  public byte[] ciphertext() {
    return ciphertext.clone();
  }

  /**
   * The same entry with a new wrapped data key.
   *
   * @param newKekId the KEK that wrapped it
   * @param newWrappedDek the wrapped data key
   * @return the new entry
   */
  public Entry rewrapped(String newKekId, byte[] newWrappedDek) {
    return new Entry(name, newKekId, newWrappedDek, ciphertext);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Entry e
        && name.equals(e.name)
        && kekId.equals(e.kekId)
        && Arrays.equals(wrappedDek, e.wrappedDek)
        && Arrays.equals(ciphertext, e.ciphertext);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, kekId, Arrays.hashCode(wrappedDek), Arrays.hashCode(ciphertext));
  }

  @Override
  public String toString() {
    return "Entry[name=" + name + ", kek=" + kekId + "]";
  }
}
