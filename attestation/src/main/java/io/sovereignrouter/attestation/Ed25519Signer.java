package io.sovereignrouter.attestation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;

/**
 * An in-memory Ed25519 {@link Signer} (Bouncy Castle), loaded from a 32-byte seed or a signed-note
 * private key string {@code PRIVATE+KEY+<name>+<hash>+<base64(0x01 || seed)>}.
 */
public final class Ed25519Signer implements Signer {
  private static final String PREFIX = "PRIVATE+KEY+";

  private final String name;
  private final Ed25519PrivateKeyParameters key;
  private final byte[] publicKey;

  private Ed25519Signer(String name, Ed25519PrivateKeyParameters key) {
    NoteVerifierKey.checkName(name);
    this.name = name;
    this.key = key;
    this.publicKey = key.generatePublicKey().getEncoded();
  }

  /**
   * Creates a signer from a 32-byte Ed25519 seed.
   *
   * @param name key name
   * @param seed the RFC 8032 private key (32 bytes)
   * @return the signer
   * @throws FormatException if the seed is not 32 bytes or the name is invalid
   */
  public static Ed25519Signer of(String name, byte[] seed) {
    if (seed.length != Ed25519PrivateKeyParameters.KEY_SIZE) {
      throw new FormatException("ed25519 private key: expected 32 bytes");
    }
    return new Ed25519Signer(name, new Ed25519PrivateKeyParameters(seed, 0));
  }

  /**
   * Generates a fresh key.
   *
   * @param name key name
   * @param random randomness source
   * @return the signer
   */
  public static Ed25519Signer generate(String name, SecureRandom random) {
    return new Ed25519Signer(name, new Ed25519PrivateKeyParameters(random));
  }

  /**
   * Parses a signed-note private key string.
   *
   * @param signerKey {@code PRIVATE+KEY+<name>+<hash>+<base64>}
   * @return the signer
   * @throws FormatException if the string is malformed or its hash does not match (the message
   *     never contains key material)
   */
  public static Ed25519Signer parse(String signerKey) {
    String text = signerKey.strip();
    if (!text.startsWith(PREFIX)) {
      throw new FormatException("signer key: expected PRIVATE+KEY+<name>+<hash>+<key>");
    }
    String[] parts = text.substring(PREFIX.length()).split("\\+", 3);
    if (parts.length != 3) {
      throw new FormatException("signer key: expected PRIVATE+KEY+<name>+<hash>+<key>");
    }
    byte[] material;
    try {
      material = Base64s.decodeStrict(parts[2], "signer key");
    } catch (FormatException e) {
      throw new FormatException("signer key: key material is not canonical base64");
    }
    if (material.length != 33 || material[0] != NoteVerifierKey.ALG_ED25519) {
      throw new FormatException("signer key: expected algorithm 0x01 and a 32-byte key");
    }
    Ed25519Signer signer = of(parts[0], Arrays.copyOfRange(material, 1, 33));
    Arrays.fill(material, (byte) 0);
    String hash = HexFormat.of().toHexDigits(signer.verifierKey().keyHash());
    if (!hash.equals(parts[1])) {
      throw new FormatException("signer key: key hash " + parts[1] + " does not match " + hash);
    }
    return signer;
  }

  /**
   * Reads a signed-note private key string from a file (trailing newline allowed).
   *
   * @param file path to the key file
   * @return the signer
   * @throws AttestationException if the file cannot be read or does not parse
   */
  public static Ed25519Signer read(Path file) {
    try {
      return parse(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new AttestationException("cannot read signer key file " + file, e);
    }
  }

  /**
   * Formats the private key as a signed-note private key string. Handle with care.
   *
   * @return {@code PRIVATE+KEY+<name>+<hash>+<base64>}
   */
  public String formatPrivateKey() {
    byte[] material = new byte[33];
    material[0] = NoteVerifierKey.ALG_ED25519;
    key.encode(material, 1);
    String hash = HexFormat.of().toHexDigits(verifierKey().keyHash());
    String out =
        PREFIX + name + "+" + hash + "+" + java.util.Base64.getEncoder().encodeToString(material);
    Arrays.fill(material, (byte) 0);
    return out;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public byte[] publicKey() {
    return publicKey.clone();
  }

  @Override
  public byte[] sign(byte[] message) {
    org.bouncycastle.crypto.signers.Ed25519Signer s =
        new org.bouncycastle.crypto.signers.Ed25519Signer();
    s.init(true, key);
    s.update(message, 0, message.length);
    return s.generateSignature();
  }

  @Override
  public String toString() {
    return "Ed25519Signer[" + verifierKey().format() + "]";
  }
}
