package io.sovereignrouter.sdk.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Removing the spliced member restores the provider's bytes exactly (gateway Attestations.splice).
 */
class SpliceTest {
  private static final String ATTESTATION = "{\"rekor_index\":7,\"envelope\":{\"a\":\"}\"}}";

  /** The gateway's splice, restated: before the whitespace that precedes the closing brace. */
  private static String splice(String body) {
    int close = body.lastIndexOf('}');
    int end = close;
    while (end > 0 && Character.isWhitespace(body.charAt(end - 1))) {
      end--;
    }
    String sep = body.charAt(end - 1) == '{' ? "" : ",";
    return body.substring(0, end)
        + sep
        + "\"_sf_attestation\":"
        + ATTESTATION
        + body.substring(end);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"id\":\"x\",\"choices\":[]}",
        "{}",
        "{ }",
        "{\n  \"id\": \"x\",\n  \"n\": {\"m\": 1}\n}\n",
        "{\"text\":\"a \\\"_sf_attestation\\\": b }\"}",
        "{\"id\":\"x\"}   "
      })
  void remove_restoresOriginal(String original) {
    Splice s = Splice.remove(splice(original)).orElseThrow();
    assertThat(s.original()).isEqualTo(original);
    assertThat(s.attestation()).isEqualTo(ATTESTATION);
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"id\":\"x\"}", "[]", "", "{\"_sf_attestation\"}"})
  void remove_withoutMember_isEmpty(String body) {
    assertThat(Splice.remove(body)).isEmpty();
  }
}
