package io.sovereignrouter.gateway.storage.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sovereignrouter.gateway.storage.StorageException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Script discovery from a jar (how the gateway runs) and from a directory (tests, IDEs). */
class PostgresMigrationsTest {
  @TempDir Path tmp;

  @Test
  void discover_fromJar_ordersByVersionAndIgnoresOtherFiles() throws Exception {
    Path jar =
        jar(
            Map.of(
                "db/postgres/V2__second.sql", "SELECT 2",
                "db/postgres/V10__tenth.sql", "SELECT 10",
                "db/postgres/V1__first.sql", "SELECT 1",
                "db/postgres/README.md", "not a script"));
    // Versions 3..9 missing: refused.
    try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
      assertThatThrownBy(() -> PostgresMigrations.discover(loader))
          .isInstanceOf(StorageException.class)
          .hasMessageContaining("V10__tenth.sql");
    }
    Path ok =
        jar(
            Map.of(
                "db/postgres/V2__second.sql", "SELECT 2",
                "db/postgres/V1__first.sql", "SELECT 1",
                "db/postgres/README.md", "not a script"));
    try (URLClassLoader loader = new URLClassLoader(new URL[] {ok.toUri().toURL()}, null)) {
      var found = PostgresMigrations.discover(loader);
      assertThat(found)
          .extracting(Migration::name)
          .containsExactly("V1__first.sql", "V2__second.sql");
      assertThat(found.get(1).sql()).isEqualTo("SELECT 2");
      assertThat(found.get(0).checksum()).hasSize(64);
    }
  }

  @Test
  void discover_fromDirectory_findsTheShippedLogSchema() {
    assertThat(PostgresMigrations.discover())
        .first()
        .extracting(Migration::name)
        .isEqualTo("V1__log.sql");
  }

  @Test
  void of_badName_refused() {
    assertThatThrownBy(() -> Migration.of("V01__x.sql", new byte[0]))
        .isInstanceOf(StorageException.class);
    assertThatThrownBy(() -> Migration.of("V1_x.sql", new byte[0]))
        .isInstanceOf(StorageException.class);
    assertThat(Migration.isScript("V3__add_thing.sql")).isTrue();
  }

  private Path jar(Map<String, String> files) throws IOException {
    Path jar = Files.createTempFile(tmp, "migrations", ".jar");
    try (OutputStream out = Files.newOutputStream(jar);
        JarOutputStream j = new JarOutputStream(out)) {
      j.putNextEntry(new JarEntry("db/"));
      j.closeEntry();
      j.putNextEntry(new JarEntry("db/postgres/"));
      j.closeEntry();
      for (var f : files.entrySet()) {
        j.putNextEntry(new JarEntry(f.getKey()));
        j.write(f.getValue().getBytes(StandardCharsets.UTF_8));
        j.closeEntry();
      }
    }
    return jar;
  }
}
