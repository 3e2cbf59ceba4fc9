package io.sovereignrouter.attestation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.util.JsonFormat;
import dev.sigstore.bundle.Bundle;
import dev.sigstore.bundle.BundleParseException;
import dev.sigstore.bundle.BundleVerifier;
import dev.sigstore.encryption.signers.Verifiers;
import dev.sigstore.merkle.InclusionProofVerifier;
import dev.sigstore.rekor.client.RekorEntry;
import dev.sigstore.rekor.client.RekorVerificationException;
import dev.sigstore.rekor.client.RekorVerifier;
import dev.sigstore.trustroot.SigstoreTrustedRoot;
import dev.sigstore.trustroot.TransparencyLog;
import io.sovereignrouter.attestation.internal.Json;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Sigstore export, checked with sigstore-java 2.0.0 (an independent implementation): what it
 * accepts, and exactly what it refuses and why.
 *
 * <ul>
 *   <li>Bundle and trusted root are valid protobuf-specs JSON (strict parse) and sigstore-java
 *       loads the trusted root (media type v0.1: it refuses "Unsupported trusted root mediaType"
 *       for v0.2). Its required-field check reports one gap, {@code integrated_time}: our log
 *       records no integration time and 0 reads as unset.
 *   <li>Its {@code RekorVerifier} verifies our log entry (log id lookup, RFC 6962 inclusion of the
 *       canonicalized body, checkpoint root, key hint and Ed25519 checkpoint signature) when the
 *       log's origin is a bare host name, because it accepts a checkpoint signature only from the
 *       signer named like the log's base URL host (a Rekor v1 convention). Our default origin,
 *       {@code sovereign-router.local/log}, has a path, so there it refuses: "No matching
 *       checkpoint signature found for transparency log".
 *   <li>{@code Bundle.from} (and so {@code KeylessVerifier}) refuses the bundle outright: "Plain
 *       public keys are not supported by this client". sigstore-java 2.0.0 verifies only keyless
 *       (Fulcio certificate) bundles; our statements are signed by the log's Ed25519 key.
 *   <li>The DSSE signature verifies with sigstore-java's Ed25519 verifier over the DSSE PAE.
 * </ul>
 */
class SigstoreBundlesTest {
  @TempDir Path dir;

  private record Exported(NoteVerifierKey key, String bundle, String trustedRoot) {}

  private Exported export(String origin) throws Exception {
    Ed25519Signer key = Ed25519Signer.generate(origin, new SecureRandom());
    try (MerkleLog log =
        MerkleLog.open(
            FileTileStore.open(dir.resolve(origin.replace('/', '_'))),
            key,
            new LogConfig(Duration.ofMillis(1), 16, 100))) {
      for (int i = 0; i < 5; i++) {
        log.append(("filler-" + i).getBytes(StandardCharsets.UTF_8)).get();
      }
      ObjectNode predicate = AttestationVerifierTest.predicate();
      predicate.put("log_origin", origin);
      Envelope envelope = AttestationVerifierTest.sign(predicate, key);
      InclusionReceipt receipt = InclusionReceipt.of(log.append(Envelopes.format(envelope)).get());
      NoteVerifierKey pub = key.verifierKey();
      return new Exported(
          pub,
          Json.writeString(SigstoreBundles.bundle(envelope, receipt, pub)),
          Json.writeString(
              SigstoreBundles.trustedRoot(
                  pub, "https://" + origin, Instant.parse("2026-01-01T00:00:00Z"))));
    }
  }

  private static String tlogEntry(String bundle) throws Exception {
    dev.sigstore.proto.bundle.v1.Bundle.Builder b =
        dev.sigstore.proto.bundle.v1.Bundle.newBuilder();
    JsonFormat.parser().merge(bundle, b);
    return JsonFormat.printer().print(b.getVerificationMaterial().getTlogEntries(0));
  }

  @Test
  void bundle_isValidProtobufSpecsJson() throws Exception {
    Exported e = export("sovereign-router.local/log");
    // Strict: an unknown or misspelt field would fail here.
    dev.sigstore.proto.bundle.v1.Bundle.Builder b =
        dev.sigstore.proto.bundle.v1.Bundle.newBuilder();
    JsonFormat.parser().merge(e.bundle(), b);
    assertThat(b.getMediaType()).isEqualTo("application/vnd.dev.sigstore.bundle.v0.3+json");
    assertThat(b.getVerificationMaterial().hasPublicKey()).isTrue();
    assertThat(b.getVerificationMaterial().getTlogEntries(0).getInclusionProof().getTreeSize())
        .isEqualTo(6);
    // Our log records no integration time: 0, which proto3 JSON cannot tell from unset, and the
    // spec marks the field REQUIRED. Only that is missing.
    assertThat(BundleVerifier.allMissingFields(e.bundle()))
        .containsExactly("verification_material.tlog_entries[0].integrated_time");
    dev.sigstore.proto.trustroot.v1.TrustedRoot.Builder r =
        dev.sigstore.proto.trustroot.v1.TrustedRoot.newBuilder();
    JsonFormat.parser().merge(e.trustedRoot(), r);
    // The checkpoint key hint Sigstore clients expect: the log id's first 4 bytes.
    assertThat(java.util.Arrays.copyOf(r.getTlogs(0).getLogId().getKeyId().toByteArray(), 4))
        .isEqualTo(java.nio.ByteBuffer.allocate(4).putInt(e.key().keyHash()).array());
  }

  @Test
  void sigstoreJava_refusesPublicKeyBundles() throws Exception {
    Exported e = export("sovereign-router.local/log");
    assertThatThrownBy(() -> Bundle.from(new StringReader(e.bundle())))
        .isInstanceOf(BundleParseException.class)
        .hasMessageContaining("Plain public keys are not supported by this client");
  }

  @Test
  void sigstoreJava_rekorVerifier_verifiesEntryOfHostNamedLog() throws Exception {
    Exported e = export("log.sovereign.example");
    SigstoreTrustedRoot root =
        SigstoreTrustedRoot.from(
            new ByteArrayInputStream(e.trustedRoot().getBytes(StandardCharsets.UTF_8)));
    assertThat(root.getTLogs()).hasSize(1);
    TransparencyLog tlog = root.getTLogs().get(0);
    assertThat(tlog.getLogId().getKeyId()).isEqualTo(SigstoreBundles.logId(e.key()).bytes());
    RekorEntry entry = RekorEntry.fromTLogEntryJson(tlogEntry(e.bundle()));
    RekorVerifier.newRekorVerifier(root).verifyEntry(entry);
  }

  @Test
  void sigstoreJava_rekorVerifier_refusesCheckpointSignerNotNamedLikeHost() throws Exception {
    Exported e = export("sovereign-router.local/log");
    SigstoreTrustedRoot root =
        SigstoreTrustedRoot.from(
            new ByteArrayInputStream(e.trustedRoot().getBytes(StandardCharsets.UTF_8)));
    RekorEntry entry = RekorEntry.fromTLogEntryJson(tlogEntry(e.bundle()));
    // Inclusion was already checked when it gets here: the refusal is the signer-name rule.
    assertThatThrownBy(() -> RekorVerifier.newRekorVerifier(root).verifyEntry(entry))
        .isInstanceOf(RekorVerificationException.class)
        .hasMessage(
            "No matching checkpoint signature found for transparency log: sovereign-router.local");
  }

  @Test
  void sigstoreJava_inclusionProofAndDsseSignatureVerify() throws Exception {
    Exported e = export("sovereign-router.local/log");
    dev.sigstore.proto.bundle.v1.Bundle.Builder b =
        dev.sigstore.proto.bundle.v1.Bundle.newBuilder();
    JsonFormat.parser().merge(e.bundle(), b);
    var entry = b.getVerificationMaterial().getTlogEntries(0);
    var proof = entry.getInclusionProof();
    List<byte[]> hashes = new ArrayList<>();
    proof.getHashesList().forEach(h -> hashes.add(h.toByteArray()));
    byte[] leaf = Hash.ofLeaf(entry.getCanonicalizedBody().toByteArray()).bytes();
    InclusionProofVerifier.verify(
        leaf, proof.getLogIndex(), proof.getTreeSize(), hashes, proof.getRootHash().toByteArray());

    PublicKey key =
        KeyFactory.getInstance("Ed25519")
            .generatePublic(new X509EncodedKeySpec(SigstoreBundles.spki(e.key())));
    var dsse = b.getDsseEnvelope();
    byte[] pae = Envelopes.pae(dsse.getPayloadType(), dsse.getPayload().toByteArray());
    assertThat(Verifiers.newVerifier(key).verify(pae, dsse.getSignatures(0).getSig().toByteArray()))
        .isTrue();
    assertThat(Base64.getDecoder().decode(SigstoreBundles.pem(e.key()).lines().toList().get(1)))
        .isEqualTo(SigstoreBundles.spki(e.key()));
  }
}
