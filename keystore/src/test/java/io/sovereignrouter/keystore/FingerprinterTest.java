package io.sovereignrouter.keystore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class FingerprinterTest {
  private static byte[] key(int b) {
    byte[] k = new byte[32];
    Arrays.fill(k, (byte) b);
    return k;
  }

  @Test
  void fingerprint_matchesRfc4231TestCase6() {
    // RFC 4231 §4.7 (test case 6): key = 131 bytes of 0xaa, HMAC-SHA-256 =
    // 60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54; we keep 12 hex digits.
    byte[] k = new byte[131];
    Arrays.fill(k, (byte) 0xaa);
    byte[] data =
        "Test Using Larger Than Block-Size Key - Hash Key First"
            .getBytes(StandardCharsets.US_ASCII);
    assertThat(Fingerprinter.of(k).fingerprint(data).hex()).isEqualTo("60e431591ee0");
  }

  @Test
  void fingerprint_dependsOnServerKey() {
    byte[] v = "sk-test-value".getBytes(StandardCharsets.UTF_8);
    assertThat(Fingerprinter.of(key(1)).fingerprint(v))
        .isEqualTo(Fingerprinter.of(key(1)).fingerprint(v))
        .isNotEqualTo(Fingerprinter.of(key(2)).fingerprint(v));
  }

  @Test
  void of_shortKeyRejected() {
    assertThatThrownBy(() -> Fingerprinter.of(new byte[31]))
        .isInstanceOf(KeystoreException.class)
        .hasMessageContaining("expected at least 32 bytes, got 31");
  }

  @Test
  void rotate_newFingerprintsOldStillMatch() {
    byte[] v = "sk-rotating".getBytes(StandardCharsets.UTF_8);
    Fingerprinter old = Fingerprinter.of(key(1));
    Fingerprint before = old.fingerprint(v);
    Fingerprinter rotated = old.rotate(key(2));
    Fingerprint after = rotated.fingerprint(v);

    assertThat(after).isNotEqualTo(before).isEqualTo(Fingerprinter.of(key(2)).fingerprint(v));
    assertThat(rotated.matches(before, v)).isTrue();
    assertThat(rotated.matches(after, v)).isTrue();
    assertThat(rotated.matches(before, "other".getBytes(StandardCharsets.UTF_8))).isFalse();
    assertThat(rotated.keyCount()).isEqualTo(2);

    Fingerprinter retired = rotated.retire(0);
    assertThat(retired.keyCount()).isEqualTo(1);
    assertThat(retired.matches(before, v)).isFalse();
    assertThat(retired.matches(after, v)).isTrue();
  }

  @Test
  void fingerprint_parseIsStrict() {
    assertThat(Fingerprint.parse("0123456789ab").hex()).isEqualTo("0123456789ab");
    for (String bad :
        new String[] {"0123456789AB", "0123456789a", "0123456789abc", "", "g123456789ab"}) {
      assertThatThrownBy(() -> Fingerprint.parse(bad)).isInstanceOf(SecretRefFormatException.class);
    }
  }

  @Test
  void secrets_constantTimeEquals() {
    assertThat(Secrets.constantTimeEquals("abc", "abc")).isTrue();
    assertThat(Secrets.constantTimeEquals("abc", "abd")).isFalse();
    assertThat(Secrets.constantTimeEquals("abc", "abcd")).isFalse();
    assertThat(Secrets.constantTimeEquals(new byte[] {1, 2}, new byte[] {1, 2})).isTrue();
    assertThat(Secrets.constantTimeEquals(new byte[] {1, 2}, new byte[] {1})).isFalse();
  }
}
