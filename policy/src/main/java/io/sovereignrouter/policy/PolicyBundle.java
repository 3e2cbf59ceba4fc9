package io.sovereignrouter.policy;

import io.sovereignrouter.policy.internal.TarGz;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * A compiled policy bundle as {@code opa build -t wasm -e sovereign/route/decision} writes it: the
 * wasm module, the policy data ({@code data.json}) and the manifest. The built-in bundle is
 * compiled from {@code policies/} and committed at {@value #RESOURCE}; a test rebuilds it and fails
 * when the committed one is stale.
 */
public final class PolicyBundle {
  /** Class-path location of the built-in bundle. */
  public static final String RESOURCE = "/io/sovereignrouter/policy/bundle.tar.gz";

  private final byte[] wasm;
  private final String dataJson;
  private final String manifestJson;
  private final String digest;

  private PolicyBundle(byte[] wasm, String dataJson, String manifestJson, String digest) {
    this.wasm = wasm;
    this.dataJson = dataJson;
    this.manifestJson = manifestJson;
    this.digest = digest;
  }

  /**
   * Loads the built-in bundle compiled from the repository's {@code policies/}.
   *
   * @return the bundle
   * @throws PolicyException when the resource is missing or malformed
   */
  public static PolicyBundle builtin() {
    try (InputStream in = PolicyBundle.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new PolicyException(
            "built-in policy bundle: expected " + RESOURCE + " on the class path, got none");
      }
      return parse(in.readAllBytes());
    } catch (IOException e) {
      throw new PolicyException("built-in policy bundle: cannot read " + RESOURCE, e);
    }
  }

  /**
   * Parses a bundle archive.
   *
   * @param tarGz the {@code bundle.tar.gz} bytes
   * @return the bundle
   * @throws PolicyFormatException when it lacks {@code policy.wasm}, {@code data.json} or {@code
   *     .manifest}
   */
  public static PolicyBundle parse(byte[] tarGz) {
    Map<String, byte[]> files = TarGz.files(tarGz);
    return new PolicyBundle(
        require(files, "policy.wasm"),
        new String(require(files, "data.json"), StandardCharsets.UTF_8),
        new String(require(files, ".manifest"), StandardCharsets.UTF_8),
        "sha256:" + HexFormat.of().formatHex(sha256(tarGz)));
  }

  private static byte[] require(Map<String, byte[]> files, String name) {
    byte[] b = files.get(name);
    if (b == null) {
      throw new PolicyFormatException(
          "bundle: expected " + name + ", got entries " + files.keySet());
    }
    return b;
  }

  private static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new PolicyException("SHA-256 unavailable", e);
    }
  }

  /**
   * The compiled policy.
   *
   * @return a copy of the wasm module bytes
   */
  public byte[] wasm() {
    return wasm.clone();
  }

  /**
   * The policy data (named policies, tier ladder) the wasm module evaluates against.
   *
   * @return the bundle's {@code data.json}
   */
  public String dataJson() {
    return dataJson;
  }

  /**
   * The bundle manifest (entrypoints, Rego version).
   *
   * @return the bundle's {@code .manifest}
   */
  public String manifestJson() {
    return manifestJson;
  }

  /**
   * The policy digest recorded in attestations ({@code policy_digest}).
   *
   * @return {@code sha256:} and the lowercase hex SHA-256 of the archive bytes
   */
  public String digest() {
    return digest;
  }

  @Override
  public String toString() {
    return "PolicyBundle[" + digest + "]";
  }
}
