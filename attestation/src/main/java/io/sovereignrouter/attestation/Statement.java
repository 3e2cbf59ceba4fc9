package io.sovereignrouter.attestation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * An in-toto Statement v1 ({@code _type https://in-toto.io/Statement/v1}).
 *
 * @param subjects what the statement is about (at least one)
 * @param predicateType URI naming the predicate schema, e.g. {@link Statements#PREDICATE_TYPE}
 * @param predicate the predicate, a JSON object (deep-copied in and out)
 */
public record Statement(List<Subject> subjects, String predicateType, JsonNode predicate) {
  /**
   * Validates and copies.
   *
   * @throws FormatException if there is no subject, the type is empty or the predicate is not an
   *     object
   */
  public Statement {
    if (subjects.isEmpty()) {
      throw new FormatException("statement: no subjects");
    }
    if (predicateType.isEmpty()) {
      throw new FormatException("statement: empty predicateType");
    }
    if (!predicate.isObject()) {
      throw new FormatException("statement: predicate must be a JSON object");
    }
    subjects = List.copyOf(subjects);
    predicate = predicate.deepCopy();
  }

  /**
   * The predicate.
   *
   * @return a deep copy of the predicate object
   */
  @Override
  public JsonNode predicate() {
    return predicate.deepCopy();
  }
}
