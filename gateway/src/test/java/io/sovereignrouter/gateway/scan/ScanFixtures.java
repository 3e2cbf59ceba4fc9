package io.sovereignrouter.gateway.scan;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Test data under {@code src/test/resources/io/sovereignrouter/gateway/scan}. */
final class ScanFixtures {
  static final Fingerprinter KEY =
      Fingerprinter.of("scan-tests-fingerprint-key-0123".getBytes(StandardCharsets.UTF_8));
  static final Scanner SCANNER = Scanner.builtin(KEY);

  private ScanFixtures() {}

  static Path dir(String name) {
    try {
      return Path.of(ScanFixtures.class.getResource(name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<Path> files(String name) throws IOException {
    try (Stream<Path> s = Files.list(dir(name))) {
      return s.filter(Files::isRegularFile).sorted().toList();
    }
  }

  static JsonObject json(Path file) throws IOException {
    return new JsonObject(Files.readString(file));
  }
}
