package io.sovereignrouter.policy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sovereignrouter.policy.PolicyBundle;
import io.sovereignrouter.policy.PolicyFormatException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class TarGzTest {

  private static byte[] builtinBytes() throws IOException {
    try (InputStream in = PolicyBundle.class.getResourceAsStream(PolicyBundle.RESOURCE)) {
      return in.readAllBytes();
    }
  }

  private static byte[] gunzip(byte[] gz) throws IOException {
    try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(gz))) {
      return in.readAllBytes();
    }
  }

  private static byte[] gzip(byte[] raw) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(raw);
    }
    return out.toByteArray();
  }

  @Test
  void files_builtinBundle_hasOpaBuildEntries() throws IOException {
    Map<String, byte[]> files = TarGz.files(builtinBytes());
    assertThat(files).containsKeys("policy.wasm", "data.json", ".manifest");
    // wasm magic: \0asm
    assertThat(Arrays.copyOf(files.get("policy.wasm"), 4)).isEqualTo(new byte[] {0, 'a', 's', 'm'});
  }

  @Test
  void files_notGzip_fails() {
    assertThatThrownBy(() -> TarGz.files("plain".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(PolicyFormatException.class)
        .hasMessageContaining("not a gzip stream");
  }

  @Test
  void files_truncatedArchive_fails() throws IOException {
    byte[] tar = gunzip(builtinBytes());
    byte[] cut = Arrays.copyOf(tar, 512 + 100); // first header and part of its data
    assertThatThrownBy(() -> TarGz.files(gzip(cut)))
        .isInstanceOf(PolicyFormatException.class)
        .hasMessageContaining("bytes, archive has");
  }

  @Test
  void files_missingEndBlock_fails() throws IOException {
    assertThatThrownBy(() -> TarGz.files(gzip(new byte[0])))
        .isInstanceOf(PolicyFormatException.class)
        .hasMessageContaining("end-of-archive");
  }

  @Test
  void files_badSizeField_fails() throws IOException {
    byte[] tar = gunzip(builtinBytes());
    tar[124] = '9'; // not octal
    assertThatThrownBy(() -> TarGz.files(gzip(tar)))
        .isInstanceOf(PolicyFormatException.class)
        .hasMessageContaining("expected an octal size");
  }

  @Test
  void parse_bundleWithoutWasm_fails() throws IOException {
    byte[] tar = gunzip(builtinBytes());
    byte[] empty = new byte[1024]; // just the end-of-archive blocks
    assertThat(tar.length).isGreaterThan(1024);
    assertThatThrownBy(() -> PolicyBundle.parse(gzip(empty)))
        .isInstanceOf(PolicyFormatException.class)
        .hasMessageContaining("expected policy.wasm");
  }
}
