package io.sovereignrouter.keystore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SecretTest {
  private static final String CANARY = "sk-CANARY-7f3e9c1d";
  private final Fingerprinter fp = Fingerprinter.of(new byte[32]);

  private Secret secret(byte[] value) {
    return Secret.adopt(value, fp.fingerprint(value));
  }

  @Test
  void toString_showsOnlyFingerprint() {
    Secret s = secret(CANARY.getBytes(StandardCharsets.UTF_8));
    assertThat(s.toString()).doesNotContain(CANARY).contains(s.fingerprint().hex());
    assertThat(new Resolution.Resolved(s, SourceKind.ENV).toString()).doesNotContain(CANARY);
  }

  @Test
  void close_zeroesOwnedBuffer() {
    byte[] value = CANARY.getBytes(StandardCharsets.UTF_8);
    Secret s = secret(value);
    s.close();
    assertThat(value).containsOnly(0);
    assertThat(s.isClosed()).isTrue();
    assertThatThrownBy(s::bytes)
        .isInstanceOf(IllegalStateException.class)
        .message()
        .doesNotContain(CANARY);
    assertThatThrownBy(s::utf8).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void copy_isIndependent() {
    Secret s = secret(CANARY.getBytes(StandardCharsets.UTF_8));
    Secret c = s.copy();
    s.close();
    assertThat(c.utf8()).isEqualTo(CANARY);
    assertThat(c.fingerprint()).isEqualTo(s.fingerprint());
  }

  @Test
  void bytes_returnsCopy() {
    Secret s = secret(CANARY.getBytes(StandardCharsets.UTF_8));
    s.bytes()[0] = 'X';
    assertThat(s.utf8()).isEqualTo(CANARY);
  }

  @Test
  void matches_comparesValue() {
    Secret s = secret(CANARY.getBytes(StandardCharsets.UTF_8));
    assertThat(s.matches(CANARY.getBytes(StandardCharsets.UTF_8))).isTrue();
    assertThat(s.matches("sk-other".getBytes(StandardCharsets.UTF_8))).isFalse();
  }
}
