package io.sovereignrouter.keystore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FingerprintKeysTest {
  @TempDir Path tmp;

  private static final byte[] VALUE = "sk-fingerprinted".getBytes(StandardCharsets.UTF_8);

  @Test
  void loadOrCreate_isStableAcrossRestarts() throws Exception {
    Path file = tmp.resolve("data/fingerprint.keys");
    Fingerprint first = FingerprintKeys.loadOrCreate(file).fingerprint(VALUE);
    assertThat(FingerprintKeys.loadOrCreate(file).fingerprint(VALUE)).isEqualTo(first);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(Files.readAllLines(file))
        .hasSize(2)
        .first()
        .isEqualTo("sovereign-fingerprint-keys v1");
  }

  @Test
  void rotate_newFingerprintOldStillRecognisedUntilRetired() {
    Path file = tmp.resolve("fingerprint.keys");
    Fingerprint before = FingerprintKeys.loadOrCreate(file).fingerprint(VALUE);
    Fingerprinter rotated = FingerprintKeys.rotate(file);
    assertThat(rotated.fingerprint(VALUE)).isNotEqualTo(before);
    assertThat(rotated.matches(before, VALUE)).isTrue();

    Fingerprinter reloaded = FingerprintKeys.loadOrCreate(file);
    assertThat(reloaded.fingerprint(VALUE)).isEqualTo(rotated.fingerprint(VALUE));
    assertThat(reloaded.keyCount()).isEqualTo(2);

    Fingerprinter retired = FingerprintKeys.retire(file, 0);
    assertThat(retired.matches(before, VALUE)).isFalse();
    assertThat(FingerprintKeys.loadOrCreate(file).keyCount()).isEqualTo(1);
  }

  @Test
  void load_malformedFileFailsWithoutEchoingKeys() throws Exception {
    Path file = tmp.resolve("fingerprint.keys");
    Files.writeString(file, "sovereign-fingerprint-keys v1\nQUJD\n");
    assertThatThrownBy(() -> FingerprintKeys.loadOrCreate(file))
        .isInstanceOf(SecretRefFormatException.class)
        .hasMessageContaining("line 2")
        .message()
        .doesNotContain("QUJD");
    Files.writeString(file, "sovereign-fingerprint-keys v1\n");
    assertThatThrownBy(() -> FingerprintKeys.loadOrCreate(file))
        .isInstanceOf(SecretRefFormatException.class);
  }
}
