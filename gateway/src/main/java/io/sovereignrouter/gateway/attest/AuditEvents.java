package io.sovereignrouter.gateway.attest;

import io.sovereignrouter.attestation.Envelopes;
import io.sovereignrouter.attestation.Statement;
import io.sovereignrouter.attestation.Statements;
import io.sovereignrouter.attestation.Subject;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;

/**
 * Administrative events (tenant created, key issued or revoked, …) as signed statements in the same
 * audit log as the attestations, so the log is the whole audit trail. Fields are ids and
 * fingerprints only, never secrets.
 */
public final class AuditEvents {
  /** Predicate type of administrative events. */
  public static final String PREDICATE_TYPE = "https://sovereignrouter.dev/admin-event/v1";

  private final AuditLog log;

  /**
   * @param log the audit log
   */
  public AuditEvents(AuditLog log) {
    this.log = log;
  }

  /**
   * Appends an event; completes with its log index once durable.
   *
   * @param type e.g. {@code tenant.created}, {@code key.created}, {@code key.revoked}
   * @param fields ids and fingerprints describing it
   */
  public Future<Long> record(Vertx vertx, String type, JsonObject fields) {
    byte[] entry = Envelopes.format(Statements.sign(statement(type, fields), log.signer()));
    return log.append(vertx, entry).map(result -> result.index());
  }

  /**
   * Rotates the log's signing key ({@link AuditLog#rotateKey}); the rotation is itself an event in
   * the log.
   */
  public Future<AuditLog.KeyRotation> rotateLogKey(Vertx vertx) {
    return log.rotateKey(vertx);
  }

  /** The unsigned statement of an event. */
  static Statement statement(String type, JsonObject fields) {
    JsonObject event = fields.copy().put("type", type).put("at", Instant.now().toString());
    byte[] canonical = event.toBuffer().getBytes();
    return new Statement(
        List.of(Subject.of("event", canonical)), PREDICATE_TYPE, Attester.toNode(canonical));
  }
}
