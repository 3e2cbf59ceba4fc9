package io.sovereignrouter.keystore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KekManifestTest {
  @TempDir Path tmp;

  @Test
  void formatParse_roundTrip() {
    KekManifest m =
        KekManifest.EMPTY
            .with("local:0a1b2c3d4e5f", new KekSpec.FromEnv())
            .with("aws-kms:alias/sovereign", new KekSpec.FromAwsKms("alias/sovereign"))
            .with("local:ffeeddccbbaa", new KekSpec.FromFile(Path.of("/etc/sovereign/kek 2.key")));
    String text = KekManifest.format(m);
    assertThat(text)
        .isEqualTo(
            "local:0a1b2c3d4e5f env\naws-kms:alias/sovereign aws-kms:alias/sovereign\n"
                + "local:ffeeddccbbaa file:/etc/sovereign/kek 2.key\n");
    assertThat(KekManifest.parse(text)).isEqualTo(m);
    assertThat(m.with("local:0a1b2c3d4e5f", new KekSpec.FromEnv())).isSameAs(m);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "local:0a env",
        "local:0a env\n\n",
        "\nlocal:0a env\n",
        "local:0a  env\n",
        "local:0a\n",
        " local:0a env\n",
        "Local:0a env\n",
        "local:0a env\nlocal:0a file:/k\n",
        "local:0a nope\n"
      })
  void parse_rejectsMalformed(String text) {
    assertThatThrownBy(() -> KekManifest.parse(text)).isInstanceOf(SecretRefFormatException.class);
  }

  @Test
  void loader_opensRecordedSpecAndChecksTheId() throws Exception {
    String encoded = LocalKek.newEncodedKey();
    Path keyFile = tmp.resolve("k.key");
    Files.writeString(keyFile, encoded);
    LocalKek kek = LocalKek.parse(encoded);
    Path dir = tmp.resolve("ks");
    Files.createDirectories(dir);
    KekManifest.EMPTY
        .with(kek.id(), new KekSpec.FromFile(keyFile))
        .with("local:000000000000", new KekSpec.FromEnv())
        .write(dir);
    KekLoader loader =
        KekManifest.loader(dir, Map.of(LocalKek.ENV, LocalKek.newEncodedKey()), List.of());
    assertThat(loader.load(kek.id()).map(Kek::id)).contains(kek.id());
    assertThat(loader.load("local:000000000000")).as("env holds another key").isEmpty();
    assertThat(loader.load("local:111111111111")).isEmpty();
  }

  @Test
  void lookup_entryUnderUnknownKekIsOpenedThroughTheLoader() throws Exception {
    LocalKek oldKek = LocalKek.parse(LocalKek.newEncodedKey());
    String newEncoded = LocalKek.newEncodedKey();
    Path keyFile = tmp.resolve("new.key");
    Files.writeString(keyFile, newEncoded);
    Path dir = tmp.resolve("ks");
    LocalFileKeystore writer = LocalFileKeystore.open(dir, KekRing.of(oldKek));
    writer.put("a", "value-a".getBytes(StandardCharsets.UTF_8));
    LocalFileKeystore reader =
        LocalFileKeystore.open(
            dir,
            java.util.Optional.of(KekRing.of(oldKek)),
            KekManifest.loader(dir, Map.of(), List.of()));

    LocalKek newKek = LocalKek.fromFile(keyFile);
    KekManifest.EMPTY.with(newKek.id(), new KekSpec.FromFile(keyFile)).write(dir);
    writer.rotateKek(newKek);

    assertThat(reader.lookup("a"))
        .hasValueSatisfying(
            v -> assertThat(v).asString(StandardCharsets.UTF_8).isEqualTo("value-a"));
    assertThat(reader.keks().orElseThrow().find(newKek.id())).isPresent();
  }
}
