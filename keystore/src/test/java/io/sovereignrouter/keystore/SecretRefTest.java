package io.sovereignrouter.keystore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SecretRefTest {
  static Stream<Arguments> vectors() throws IOException {
    try (InputStream in = SecretRefTest.class.getResourceAsStream("vectors/secret-refs.tsv")) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return text
          .lines()
          .filter(l -> !l.startsWith("#") && !l.isBlank())
          .map(l -> l.split("\t", -1))
          .map(
              f -> {
                if (f.length != 3) {
                  throw new IllegalStateException("vector needs 3 columns: " + Arrays.toString(f));
                }
                return Arguments.of(f[0], f[1].equals("(empty)") ? "" : f[1], f[2]);
              })
          .toList()
          .stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void parse_vectors(String desc, String text, String want) {
    if (want.startsWith("ok:")) {
      SecretRef ref = SecretRef.parse(text);
      assertThat(ref.getClass().getSimpleName()).as(desc).isEqualTo(want.substring(3));
      assertThat(SecretRef.format(ref)).as(desc + " round trip").isEqualTo(text);
      assertThat(SecretRef.parse(SecretRef.format(ref))).isEqualTo(ref);
      assertThat(ref.toString()).isEqualTo(text);
    } else {
      assertThatThrownBy(() -> SecretRef.parse(text))
          .as(desc)
          .isInstanceOf(SecretRefFormatException.class)
          .hasMessageContaining(want.substring(4));
    }
  }

  @Test
  void parse_kmsRefCarriesKeyAndCiphertext() {
    SecretRef ref = SecretRef.parse("aws-kms:alias/sovereign#AQIDBAU");
    assertThat(ref).isInstanceOf(AwsKmsRef.class);
    AwsKmsRef aws = (AwsKmsRef) ref;
    assertThat(aws.keyId()).isEqualTo("alias/sovereign");
    assertThat(aws.ciphertext().bytes()).containsExactly(1, 2, 3, 4, 5);
  }

  @Test
  void parse_oversizedIsRejectedBeforeScanning() {
    String huge = "env:" + "A".repeat(SecretRef.MAX_LENGTH);
    assertThatThrownBy(() -> SecretRef.parse(huge))
        .isInstanceOf(SecretRefFormatException.class)
        .hasMessageContaining("expected at most");
  }

  @Test
  void parse_unknownSchemeIsNotEchoed() {
    // an operator pasting a credential where a reference belongs must not see it in a log
    assertThatThrownBy(() -> SecretRef.parse("sk-live-abc123:xyz"))
        .isInstanceOf(SecretRefFormatException.class)
        .hasMessageEndingWith("got an unknown scheme of 14 chars")
        .message()
        .doesNotContain("sk-live");
  }

  @Test
  void ciphertext_copiesInAndOut() {
    byte[] raw = {1, 2, 3};
    Ciphertext c = new Ciphertext(raw);
    raw[0] = 9;
    c.bytes()[1] = 9;
    assertThat(c.bytes()).containsExactly(1, 2, 3);
    assertThat(c).isEqualTo(new Ciphertext(new byte[] {1, 2, 3}));
  }
}
