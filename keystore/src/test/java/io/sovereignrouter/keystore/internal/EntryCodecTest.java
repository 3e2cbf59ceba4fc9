package io.sovereignrouter.keystore.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sovereignrouter.keystore.SecretRefFormatException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EntryCodecTest {
  private static final String GOOD =
      "sovereign-secret v1\nname openai\nkek local:0123456789ab\ndek AQID\nct BAUG\n";

  @Test
  void parse_format_roundTrip() {
    Entry e = EntryCodec.parse(GOOD.getBytes(StandardCharsets.US_ASCII));
    assertThat(e.name()).isEqualTo("openai");
    assertThat(e.kekId()).isEqualTo("local:0123456789ab");
    assertThat(e.wrappedDek()).containsExactly(1, 2, 3);
    assertThat(e.ciphertext()).containsExactly(4, 5, 6);
    assertThat(new String(EntryCodec.format(e), StandardCharsets.US_ASCII)).isEqualTo(GOOD);
    assertThat(e.toString()).doesNotContain("AQID").doesNotContain("BAUG");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        // trailing garbage
        "sovereign-secret v1\nname openai\nkek local:0123456789ab\ndek AQID\nct BAUG\nextra\n",
        // no final newline
        "sovereign-secret v1\nname openai\nkek local:0123456789ab\ndek AQID\nct BAUG",
        // wrong version
        "sovereign-secret v2\nname openai\nkek local:0123456789ab\ndek AQID\nct BAUG\n",
        // fields out of order
        "sovereign-secret v1\nkek local:0123456789ab\nname openai\ndek AQID\nct BAUG\n",
        // bad name
        "sovereign-secret v1\nname ../x\nkek local:0123456789ab\ndek AQID\nct BAUG\n",
        // double space
        "sovereign-secret v1\nname  openai\nkek local:0123456789ab\ndek AQID\nct BAUG\n",
        // non-canonical base64 (trailing bits set)
        "sovereign-secret v1\nname openai\nkek local:0123456789ab\ndek AQJ=\nct BAUG\n",
        // bad base64
        "sovereign-secret v1\nname openai\nkek local:0123456789ab\ndek A*ID\nct BAUG\n",
        // empty field
        "sovereign-secret v1\nname openai\nkek local:0123456789ab\ndek \nct BAUG\n",
        // CRLF
        "sovereign-secret v1\r\nname openai\r\nkek local:0123456789ab\r\ndek AQID\r\nct BAUG\r\n",
        // truncated
        "sovereign-secret v1\nname openai\nkek local:0123456789ab\n",
      })
  void parse_rejectsNonCanonical(String text) {
    assertThatThrownBy(() -> EntryCodec.parse(text.getBytes(StandardCharsets.US_ASCII)))
        .isInstanceOf(SecretRefFormatException.class)
        .hasMessageStartingWith("keystore entry");
  }

  @Test
  void parse_rejectsOversized() {
    byte[] big = new byte[EntryCodec.MAX_BYTES + 1];
    assertThatThrownBy(() -> EntryCodec.parse(big))
        .isInstanceOf(SecretRefFormatException.class)
        .hasMessageContaining("expected at most");
  }
}
