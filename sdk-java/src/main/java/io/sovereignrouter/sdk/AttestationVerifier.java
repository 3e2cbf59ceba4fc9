package io.sovereignrouter.sdk;

import io.sovereignrouter.attestation.FormatException;
import io.sovereignrouter.attestation.LogKeys;
import io.sovereignrouter.attestation.NoteVerifierKey;
import io.sovereignrouter.attestation.TilePath;
import io.sovereignrouter.sdk.AttestationVerification.Check;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * Verifies attestations against a pinned log key ({@code log.pub}), offline, with the {@code
 * attestation} module's {@link io.sovereignrouter.attestation.AttestationVerifier} (the same checks
 * {@code sovereign verify} runs), in a fixed order that fails closed:
 *
 * <ol>
 *   <li>the DSSE envelope is signed by the log key;
 *   <li>it holds an in-toto statement of our predicate type whose fields equal every field of the
 *       attestation record (so {@link Attestation#providerId()}, {@link
 *       Attestation#tierObserved()}, … are the signed values), and {@code rekor_index} is the
 *       proof's leaf;
 *   <li>with {@link ExchangeDigests}: its {@code request} and {@code response} subjects are the
 *       digests of this exchange;
 *   <li>the inclusion receipt: the checkpoint is signed by the log key, names the log, and the
 *       envelope is included in its tree;
 *   <li>with a {@link LogSource}: the log's current checkpoint is signed by the log key (a check of
 *       its own, {@code current checkpoint}) and the receipt's tree is a prefix of it, by a
 *       consistency proof computed from the log's tiles. A rolled-back or forked log fails here.
 * </ol>
 *
 * Thread-safe.
 */
public final class AttestationVerifier {
  private final LogKeys keys;
  private final io.sovereignrouter.attestation.AttestationVerifier core;

  private AttestationVerifier(LogKeys keys) {
    this.keys = Objects.requireNonNull(keys, "keys");
    this.core = io.sovereignrouter.attestation.AttestationVerifier.of(keys);
  }

  /**
   * A verifier pinned to a log key.
   *
   * @param logKey the log's verifier key
   * @return the verifier
   */
  public static AttestationVerifier of(NoteVerifierKey logKey) {
    return new AttestationVerifier(LogKeys.of(logKey));
  }

  /**
   * A verifier pinned to every key the log has signed with (after a {@code log-key rotate}), so
   * attestations from before and after the rotation verify.
   *
   * @param keys the log's keys, oldest first
   * @return the verifier
   */
  public static AttestationVerifier of(LogKeys keys) {
    return new AttestationVerifier(keys);
  }

  /**
   * A verifier pinned to log keys in their text form: the content of {@code log.pub} (one key) or
   * of {@code log-keys.pub} (every key the log has signed with, one per line).
   *
   * @param logPub one {@code <name>+<hash>+<base64 key>} per line
   * @return the verifier
   * @throws IllegalArgumentException if a key is malformed
   */
  public static AttestationVerifier of(String logPub) {
    try {
      return new AttestationVerifier(LogKeys.parse(logPub));
    } catch (FormatException e) {
      throw new IllegalArgumentException("malformed log key: " + e.getMessage(), e);
    }
  }

  /**
   * The pinned key the log signs with now (the newest, after rotations).
   *
   * @return the log's current verifier key
   */
  public NoteVerifierKey logKey() {
    return keys.current();
  }

  /**
   * Checks signature, signed fields and inclusion.
   *
   * @param attestation the attestation
   * @return the outcome
   */
  public AttestationVerification verify(Attestation attestation) {
    return run(attestation, Optional.empty(), Optional.empty());
  }

  /**
   * Checks signature, signed fields, that the attestation covers this exchange, and inclusion.
   *
   * @param attestation the attestation
   * @param digests digests of the exchange it should cover
   * @return the outcome
   */
  public AttestationVerification verify(Attestation attestation, ExchangeDigests digests) {
    return run(attestation, Optional.of(digests), Optional.empty());
  }

  /**
   * Checks signature, signed fields, inclusion, and that the log has not rolled back or forked
   * since the receipt.
   *
   * @param attestation the attestation
   * @param log the log as it is now
   * @return the outcome
   * @throws SovereignException if the log cannot be read
   */
  public AttestationVerification verify(Attestation attestation, LogSource log) {
    return run(attestation, Optional.empty(), Optional.of(log));
  }

  /**
   * Every check: signature, signed fields, exchange digests, inclusion and log consistency.
   *
   * @param attestation the attestation
   * @param digests digests of the exchange it should cover
   * @param log the log as it is now
   * @return the outcome
   * @throws SovereignException if the log cannot be read
   */
  public AttestationVerification verify(
      Attestation attestation, ExchangeDigests digests, LogSource log) {
    return run(attestation, Optional.of(digests), Optional.of(log));
  }

  /**
   * Verifies an answer's attestation, including that it covers this very exchange.
   *
   * @param answer a completion, embeddings or finished stream
   * @return the outcome
   */
  public AttestationVerification verify(Attested answer) {
    return verify(answer.attestation(), answer.digests());
  }

  /**
   * As {@link #verify(Attested)}, plus consistency with the log as it is now.
   *
   * @param answer a completion, embeddings or finished stream
   * @param log the log as it is now
   * @return the outcome
   * @throws SovereignException if the log cannot be read
   */
  public AttestationVerification verify(Attested answer, LogSource log) {
    return verify(answer.attestation(), answer.digests(), log);
  }

  private AttestationVerification run(
      Attestation attestation, Optional<ExchangeDigests> digests, Optional<LogSource> log) {
    byte[] json = attestation.json().getBytes(StandardCharsets.UTF_8);
    io.sovereignrouter.attestation.AttestationVerification result;
    if (digests.isPresent() && log.isPresent()) {
      result = core.verify(json, digests(digests.get()), adapt(log.get()));
    } else if (digests.isPresent()) {
      result = core.verify(json, digests(digests.get()));
    } else if (log.isPresent()) {
      result = core.verify(json, adapt(log.get()));
    } else {
      result = core.verify(json);
    }
    return new AttestationVerification(
        result.checks().stream().map(c -> new Check(c.name(), c.ok(), c.detail())).toList());
  }

  private static io.sovereignrouter.attestation.ExchangeDigests digests(ExchangeDigests d) {
    return new io.sovereignrouter.attestation.ExchangeDigests(d.request(), d.response());
  }

  // The SDK's LogSource predates the core's and throws SovereignExceptions, which pass through.
  private static io.sovereignrouter.attestation.LogSource adapt(LogSource log) {
    return new io.sovereignrouter.attestation.LogSource() {
      @Override
      public byte[] checkpoint() {
        return log.checkpoint();
      }

      @Override
      public Optional<byte[]> tile(TilePath path) {
        return log.tile(path);
      }
    };
  }

  @Override
  public String toString() {
    return "AttestationVerifier[" + keys.name() + "]";
  }
}
