package io.sovereignrouter.keystore;

import java.util.regex.Pattern;

/**
 * Where a secret lives. The text forms are:
 *
 * <ul>
 *   <li>{@code file:NAME}: an entry of the local encrypted keystore ({@link FileRef});
 *   <li>{@code env:NAME}: an environment variable ({@link EnvRef});
 *   <li>{@code aws-kms:KEY-ID#CIPHERTEXT}: a blob AWS KMS decrypts ({@link AwsKmsRef});
 *   <li>{@code gcp-kms:projects/…/cryptoKeys/K#CIPHERTEXT}: a blob Cloud KMS decrypts ({@link
 *       GcpKmsRef});
 *   <li>{@code NAME}: a bare name resolved through LocalFile → Env → KMS ({@link NamedRef}).
 * </ul>
 *
 * <p>CIPHERTEXT is unpadded base64url. Parsing is strict: {@code format(parse(s))} equals {@code s}
 * for every accepted {@code s}.
 */
public sealed interface SecretRef permits FileRef, EnvRef, KmsRef, NamedRef {
  /** Longest reference text accepted. */
  int MAX_LENGTH = 96 * 1024;

  /**
   * Names of local entries and bare references: 1 to 128 of {@code [A-Za-z0-9._-]}, no leading dot.
   */
  Pattern NAME = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}");

  /**
   * Parses a reference.
   *
   * @param text the reference text
   * @return the reference
   * @throws SecretRefFormatException if the text is not a well-formed reference
   */
  static SecretRef parse(String text) {
    if (text.length() > MAX_LENGTH) {
      throw new SecretRefFormatException(
          "secret reference: expected at most " + MAX_LENGTH + " chars, got " + text.length());
    }
    int colon = text.indexOf(':');
    if (colon < 0) {
      return new NamedRef(text);
    }
    String scheme = text.substring(0, colon);
    String rest = text.substring(colon + 1);
    return switch (scheme) {
      case "file" -> new FileRef(rest);
      case "env" -> new EnvRef(rest);
      case "aws-kms", "gcp-kms" -> {
        int hash = rest.lastIndexOf('#');
        if (hash < 0 || rest.indexOf('#') != hash) {
          throw new SecretRefFormatException(
              scheme + " reference: expected exactly one '#' between key and ciphertext");
        }
        String key = rest.substring(0, hash);
        Ciphertext ct = Ciphertext.parse(rest.substring(hash + 1));
        yield scheme.equals("aws-kms") ? new AwsKmsRef(key, ct) : new GcpKmsRef(key, ct);
      }
      default ->
          // the unknown scheme is not echoed: a pasted credential ("sk-…:…") would land in a log
          throw new SecretRefFormatException(
              "secret reference scheme: expected file, env, aws-kms or gcp-kms, got an unknown"
                  + " scheme of "
                  + scheme.length()
                  + " chars");
    };
  }

  /**
   * Formats a reference; the inverse of {@link #parse(String)}.
   *
   * @param ref the reference
   * @return its text form
   */
  static String format(SecretRef ref) {
    return switch (ref) {
      case FileRef f -> "file:" + f.name();
      case EnvRef e -> "env:" + e.name();
      case AwsKmsRef a -> "aws-kms:" + a.keyId() + "#" + a.ciphertext().format();
      case GcpKmsRef g -> "gcp-kms:" + g.keyName() + "#" + g.ciphertext().format();
      case NamedRef n -> n.name();
    };
  }
}
