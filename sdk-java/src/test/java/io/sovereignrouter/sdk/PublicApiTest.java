package io.sovereignrouter.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The SDK's public surface (every public type of {@code io.sovereignrouter.sdk} and {@code
 * io.sovereignrouter.sdk.admin}, with its public and protected members) must equal {@code
 * public-api.txt}, so a breaking change cannot slip in unnoticed. After an intended change, copy
 * {@code target/public-api.txt} over {@code src/test/resources/public-api.txt} and review the diff.
 */
class PublicApiTest {
  private static final List<String> PACKAGES =
      List.of("io.sovereignrouter.sdk", "io.sovereignrouter.sdk.admin");

  @Test
  void publicSurface_matchesListing() throws Exception {
    String actual = String.join("\n", surface()) + "\n";
    Path out = Path.of("target", "public-api.txt");
    Files.createDirectories(out.getParent());
    Files.writeString(out, actual);
    String expected;
    try (InputStream in = PublicApiTest.class.getResourceAsStream("/public-api.txt")) {
      expected = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(actual)
        .as("public API changed: review target/public-api.txt and update the listing")
        .isEqualTo(expected);
  }

  static List<String> surface() throws IOException, URISyntaxException, ClassNotFoundException {
    Path classes =
        Path.of(SovereignClient.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<Class<?>> types = new ArrayList<>();
    for (String pkg : PACKAGES) {
      Path dir = classes.resolve(pkg.replace('.', '/'));
      try (Stream<Path> files = Files.list(dir)) {
        for (Path f : files.sorted().toList()) {
          String name = f.getFileName().toString();
          if (name.endsWith(".class") && !name.equals("package-info.class")) {
            Class<?> c = Class.forName(pkg + "." + name.substring(0, name.length() - 6));
            // Nested types are listed under their enclosing type.
            if (c.getEnclosingClass() == null && visible(c)) {
              types.add(c);
            }
          }
        }
      }
    }
    List<String> lines = new ArrayList<>();
    types.stream()
        .sorted((a, b) -> a.getName().compareTo(b.getName()))
        .forEach(c -> lines.addAll(describe(c)));
    return lines;
  }

  // Nested types are visible when they and every enclosing type are public.
  private static boolean visible(Class<?> c) {
    for (Class<?> t = c; t != null; t = t.getEnclosingClass()) {
      if (!Modifier.isPublic(t.getModifiers()) || t.isAnonymousClass() || t.isLocalClass()) {
        return false;
      }
    }
    return true;
  }

  private static List<String> describe(Class<?> c) {
    List<String> out = new ArrayList<>();
    StringBuilder head = new StringBuilder(c.toGenericString());
    if (c.getGenericSuperclass() != null
        && c.getSuperclass() != Object.class
        && c.getSuperclass() != Record.class
        && c.getSuperclass() != Enum.class) {
      head.append(" extends ").append(c.getGenericSuperclass().getTypeName());
    }
    if (c.getGenericInterfaces().length > 0) {
      head.append(c.isInterface() ? " extends " : " implements ")
          .append(
              Arrays.stream(c.getGenericInterfaces())
                  .map(t -> t.getTypeName())
                  .collect(Collectors.joining(", ")));
    }
    if (c.isSealed()) {
      head.append(" permits ")
          .append(
              Arrays.stream(c.getPermittedSubclasses())
                  .map(Class::getName)
                  .sorted()
                  .collect(Collectors.joining(", ")));
    }
    out.add(head.toString());
    List<String> members = new ArrayList<>();
    for (Field f : c.getDeclaredFields()) {
      if (exposed(f.getModifiers()) && !f.isSynthetic()) {
        members.add("  " + f.toGenericString());
      }
    }
    for (Constructor<?> k : c.getDeclaredConstructors()) {
      if (exposed(k.getModifiers()) && !k.isSynthetic()) {
        members.add("  " + member(k));
      }
    }
    for (Method m : c.getDeclaredMethods()) {
      if (exposed(m.getModifiers()) && !m.isSynthetic() && !m.isBridge()) {
        members.add("  " + member(m));
      }
    }
    members.sort(null);
    out.addAll(members);
    Arrays.stream(c.getDeclaredClasses())
        .filter(PublicApiTest::visible)
        .sorted((a, b) -> a.getName().compareTo(b.getName()))
        .forEach(nested -> out.addAll(describe(nested)));
    return out;
  }

  private static String member(Executable e) {
    return e.toGenericString();
  }

  private static boolean exposed(int modifiers) {
    return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
  }
}
