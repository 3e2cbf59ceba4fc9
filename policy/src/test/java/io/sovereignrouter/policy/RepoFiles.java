package io.sovereignrouter.policy;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the repository checkout the policy tests run in (policies/, target/tools/). */
final class RepoFiles {
  private RepoFiles() {}

  /** The repository root, from the {@code sovereign.repo.root} property surefire sets. */
  static Path root() {
    String prop = System.getProperty("sovereign.repo.root");
    Path root = (prop != null ? Path.of(prop) : Path.of("..")).toAbsolutePath().normalize();
    if (!Files.isDirectory(root.resolve("policies"))) {
      throw new IllegalStateException("expected policies/ under " + root + ", found none");
    }
    return root;
  }

  /** The Rego sources and data. */
  static Path policies() {
    return root().resolve("policies");
  }
}
