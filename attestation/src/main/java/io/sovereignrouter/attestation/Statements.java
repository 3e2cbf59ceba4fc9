package io.sovereignrouter.attestation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sovereignrouter.attestation.internal.Json;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** The JSON form of in-toto statements, and signing them into DSSE envelopes. */
public final class Statements {
  /** in-toto Statement v1 {@code _type}. */
  public static final String TYPE = "https://in-toto.io/Statement/v1";

  /** DSSE payload type of in-toto statements. */
  public static final String PAYLOAD_TYPE = "application/vnd.in-toto+json";

  /** Our predicate type: what served one gateway call (DESIGN §5). */
  public static final String PREDICATE_TYPE = "https://sovereignrouter.dev/attestation/v1";

  private static final Set<String> KEYS = Set.of("_type", "subject", "predicateType", "predicate");
  private static final Set<String> SUBJECT_KEYS = Set.of("name", "digest");
  private static final Set<String> DIGEST_KEYS = Set.of("sha256");

  private Statements() {}

  /**
   * Formats a statement as compact JSON ({@code _type}, {@code subject}, {@code predicateType},
   * {@code predicate}).
   *
   * @param statement the statement
   * @return UTF-8 JSON
   */
  public static byte[] format(Statement statement) {
    ObjectNode o = Json.object();
    o.put("_type", TYPE);
    ArrayNode subjects = o.putArray("subject");
    for (Subject s : statement.subjects()) {
      ObjectNode so = subjects.addObject().put("name", s.name());
      so.putObject("digest").put("sha256", s.sha256().hex());
    }
    o.put("predicateType", statement.predicateType());
    o.set("predicate", statement.predicate());
    return Json.write(o);
  }

  /**
   * Parses a statement strictly (known keys only, sha256 digests only, canonical bytes).
   *
   * @param bytes UTF-8 JSON
   * @return the statement
   * @throws FormatException if malformed, of another {@code _type}, or not canonical
   */
  public static Statement parse(byte[] bytes) {
    JsonNode n = Json.read(bytes, "statement");
    Envelopes.requireKeys(n, KEYS, "statement");
    if (!TYPE.equals(Envelopes.text(n, "_type"))) {
      throw new FormatException("statement: _type is not " + TYPE);
    }
    JsonNode subjects = n.get("subject");
    if (!subjects.isArray()) {
      throw new FormatException("statement: subject must be an array");
    }
    List<Subject> list = new ArrayList<>();
    for (JsonNode s : subjects) {
      Envelopes.requireKeys(s, SUBJECT_KEYS, "statement subject");
      JsonNode digest = s.get("digest");
      Envelopes.requireKeys(digest, DIGEST_KEYS, "statement digest");
      list.add(
          new Subject(Envelopes.text(s, "name"), Hash.parseHex(Envelopes.text(digest, "sha256"))));
    }
    Statement st = new Statement(list, Envelopes.text(n, "predicateType"), n.get("predicate"));
    if (!Arrays.equals(format(st), bytes)) {
      throw new FormatException("statement: not in canonical form");
    }
    return st;
  }

  /**
   * Signs a statement into a DSSE envelope with payload type {@link #PAYLOAD_TYPE}.
   *
   * @param statement the statement
   * @param signer the attestation key
   * @return the envelope
   */
  public static Envelope sign(Statement statement, Signer signer) {
    return Envelopes.sign(PAYLOAD_TYPE, format(statement), signer);
  }

  /**
   * Signs a statement with several keys.
   *
   * @param statement the statement
   * @param signers the keys
   * @return the envelope
   */
  public static Envelope sign(Statement statement, List<? extends Signer> signers) {
    return Envelopes.sign(PAYLOAD_TYPE, format(statement), signers);
  }
}
