package io.sovereignrouter.keystore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalKekTest {
  @TempDir Path tmp;

  @Test
  void wrap_roundTripsAndBindsAad() {
    LocalKek kek = LocalKek.parse(LocalKek.newEncodedKey());
    byte[] dek = new byte[32];
    dek[0] = 7;
    byte[] wrapped = kek.wrap(dek, "aad-1".getBytes(StandardCharsets.UTF_8));
    assertThat(kek.unwrap(wrapped, "aad-1".getBytes(StandardCharsets.UTF_8))).isEqualTo(dek);
    assertThatThrownBy(() -> kek.unwrap(wrapped, "aad-2".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(SecretDecryptionException.class)
        .hasMessageContaining(kek.id());
  }

  @Test
  void id_isStablePerKeyAndDistinct() {
    String encoded = LocalKek.newEncodedKey();
    assertThat(LocalKek.parse(encoded).id())
        .isEqualTo(LocalKek.parse(encoded).id())
        .matches("local:[0-9a-f]{12}")
        .isNotEqualTo(LocalKek.parse(LocalKek.newEncodedKey()).id());
  }

  @Test
  void parse_rejectsWrongLengthWithoutEchoingKey() {
    String sixteen = "QUJDREVGR0hJSktMTU5PUA==";
    assertThatThrownBy(() -> LocalKek.parse(sixteen))
        .isInstanceOf(KeystoreException.class)
        .hasMessageContaining("expected 32 bytes, got 16")
        .message()
        .doesNotContain(sixteen);
    assertThatThrownBy(() -> LocalKek.parse("not base64 !!secret!!"))
        .isInstanceOf(KeystoreException.class)
        .message()
        .doesNotContain("secret");
  }

  @Test
  void fromEnvironment_inlineFileNoneAndBoth() throws Exception {
    String encoded = LocalKek.newEncodedKey();
    Path file = tmp.resolve("kek");
    Files.writeString(file, encoded + "\n");
    String id = LocalKek.parse(encoded).id();

    assertThat(LocalKek.fromEnvironment(Map.of(LocalKek.ENV, encoded)).orElseThrow().id())
        .isEqualTo(id);
    assertThat(
            LocalKek.fromEnvironment(Map.of(LocalKek.ENV_FILE, file.toString())).orElseThrow().id())
        .isEqualTo(id);
    assertThat(LocalKek.fromEnvironment(Map.of())).isEmpty();
    assertThatThrownBy(
            () ->
                LocalKek.fromEnvironment(
                    Map.of(LocalKek.ENV, encoded, LocalKek.ENV_FILE, file.toString())))
        .isInstanceOf(KeystoreException.class)
        .hasMessageContaining("not both");
  }

  @Test
  void kekRing_findRotateRetire() {
    LocalKek a = LocalKek.parse(LocalKek.newEncodedKey());
    LocalKek b = LocalKek.parse(LocalKek.newEncodedKey());
    KekRing ring = KekRing.of(a).rotateTo(b);
    assertThat(ring.current()).isSameAs(b);
    assertThat(ring.find(a.id())).containsSame(a);
    assertThat(ring.rotateTo(b)).isSameAs(ring);
    assertThat(ring.without(a.id()).find(a.id())).isEmpty();
    assertThatThrownBy(() -> ring.without(b.id())).isInstanceOf(KeystoreException.class);
    assertThatThrownBy(() -> new KekRing(a, java.util.List.of(a)))
        .isInstanceOf(KeystoreException.class)
        .hasMessageContaining("duplicate");
  }
}
