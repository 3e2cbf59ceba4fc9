package io.sovereignrouter.keystore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KekSpecTest {
  @TempDir Path tmp;

  @ParameterizedTest
  @ValueSource(
      strings = {
        "env",
        "file:/etc/sovereign/kek",
        "aws-kms:alias/sovereign",
        "aws-kms:arn:aws:kms:eu-central-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab",
        "gcp-kms:projects/p/locations/europe-west3/keyRings/r/cryptoKeys/kek"
      })
  void parse_formatRoundTrip(String text) {
    assertThat(KekSpec.format(KekSpec.parse(text))).isEqualTo(text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "ENV",
        "env ",
        "file:",
        "file: /x",
        "file:/x/",
        "file://x",
        "file:/etc\u0000/kek",
        "file:/etc/\tkek",
        "local",
        "aws-kms:",
        "aws-kms:bad key",
        "gcp-kms:projects/p",
        "vault:x"
      })
  void parse_rejectsMalformed(String text) {
    assertThatThrownBy(() -> KekSpec.parse(text)).isInstanceOf(SecretRefFormatException.class);
  }

  @Test
  void open_envAndFile() throws Exception {
    String encoded = LocalKek.newEncodedKey();
    String id = LocalKek.parse(encoded).id();
    Path file = tmp.resolve("kek");
    Files.writeString(file, encoded);
    assertThat(KekSpec.parse("env").open(Map.of(LocalKek.ENV, encoded), List.of()))
        .hasValueSatisfying(k -> assertThat(k.id()).isEqualTo(id));
    assertThat(KekSpec.parse("env").open(Map.of(), List.of())).isEmpty();
    assertThat(KekSpec.parse("file:" + file).open(Map.of(), List.of()))
        .hasValueSatisfying(k -> assertThat(k.id()).isEqualTo(id));
  }

  @Test
  void open_kmsWithoutDriverFails() {
    assertThatThrownBy(() -> KekSpec.parse("aws-kms:alias/x").open(Map.of(), List.of()))
        .isInstanceOf(KmsException.class)
        .hasMessageContaining("no aws-kms driver configured");
  }
}
