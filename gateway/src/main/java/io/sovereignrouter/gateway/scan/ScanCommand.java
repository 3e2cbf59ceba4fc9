package io.sovereignrouter.gateway.scan;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sovereign scan [--format text|jsonl] PATH…}: leak-scans every regular file under each path
 * (DESIGN §3). jsonl prints one object per finding and nothing else on stdout: {@code file} (the
 * path as found by walking the argument), {@code rule}, {@code start}, {@code end} (character
 * offsets in the file, counted in Unicode code points of its UTF-8 decoding) and {@code
 * fingerprint}, plus {@code line}. The secret itself is never printed. Exit status 0 whether or not
 * findings exist; 2 when a path cannot be read or an option is invalid.
 */
@Command(
    name = "scan",
    mixinStandardHelpOptions = true,
    description = "Scan files and directories for leaked credentials.")
public final class ScanCommand implements Callable<Integer> {
  /** Output formats. */
  enum Format {
    text,
    jsonl
  }

  @Option(
      names = "--format",
      description = "text (a table) or jsonl (one finding per line); default ${DEFAULT-VALUE}")
  Format format = Format.text;

  @Option(
      names = "--rules",
      paramLabel = "FILE",
      description =
          "gitleaks-format TOML rule file, in addition to the built-in rules (repeatable)")
  List<Path> ruleFiles = new ArrayList<>();

  @Option(
      names = "--key-file",
      paramLabel = "FILE",
      description =
          "fingerprint key (>= 16 bytes); default: $SOVEREIGN_SCAN_KEY, else a random key per run")
  Path keyFile;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "files or directories")
  List<Path> paths = new ArrayList<>();

  private final PrintStream out;
  private final PrintStream err;

  /** A command printing to the process's stdout and stderr. */
  public ScanCommand() {
    this(System.out, System.err);
  }

  ScanCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() {
    Scanner scanner;
    try {
      scanner = scanner();
    } catch (ScanException | IOException e) {
      err.println("sovereign scan: " + e.getMessage());
      return 2;
    }
    int status = 0;
    int total = 0;
    int files = 0;
    for (Path root : paths) {
      if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
        err.println("sovereign scan: no such file or directory: " + root);
        status = 2;
        continue;
      }
      try (Stream<Path> walk = Files.walk(root)) {
        for (Path file : walk.sorted().toList()) {
          if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            continue;
          }
          try {
            total += scanFile(scanner, file);
            files++;
          } catch (IOException | UncheckedIOException e) {
            err.println("sovereign scan: cannot read " + file + ": " + e.getMessage());
            status = 2;
          }
        }
      } catch (IOException | UncheckedIOException e) {
        err.println("sovereign scan: cannot walk " + root + ": " + e.getMessage());
        status = 2;
      }
    }
    if (format == Format.text) {
      out.printf("%d finding(s) in %d file(s)%n", total, files);
    }
    out.flush();
    return status;
  }

  private int scanFile(Scanner scanner, Path file) throws IOException {
    String text = decode(Files.readAllBytes(file));
    List<Finding> findings = scanner.scan(text);
    Positions positions = new Positions(text);
    for (Finding f : findings) {
      int start = positions.codePoints(f.start());
      int end = positions.codePoints(f.end());
      int line = positions.line(f.start());
      switch (format) {
        case jsonl ->
            out.println(
                new JsonObject()
                    .put("file", file.toString())
                    .put("rule", f.rule())
                    .put("start", start)
                    .put("end", end)
                    .put("fingerprint", f.fingerprint())
                    .put("line", line)
                    .encode());
        case text ->
            out.printf(
                "%s:%d  %-32s  [%d..%d)  %s%n", file, line, f.rule(), start, end, f.fingerprint());
      }
    }
    return findings.size();
  }

  private Scanner scanner() throws IOException {
    List<Rule> rules = new ArrayList<>(BuiltinRules.all());
    AllowList allow = AllowList.NONE;
    for (Path file : ruleFiles) {
      GitleaksRules.Config config = GitleaksRules.parse(Files.readString(file));
      rules.addAll(config.rules());
      List<com.google.re2j.Pattern> patterns = new ArrayList<>(allow.patterns());
      patterns.addAll(config.allowList().patterns());
      allow = new AllowList(allow.fingerprints(), patterns, allow.disabledRules());
    }
    return Scanner.of(rules, allow, fingerprinter());
  }

  private Fingerprinter fingerprinter() throws IOException {
    if (keyFile != null) {
      return Fingerprinter.of(Files.readAllBytes(keyFile));
    }
    String env = System.getenv("SOVEREIGN_SCAN_KEY");
    if (env != null && !env.isEmpty()) {
      return Fingerprinter.of(env.getBytes(StandardCharsets.UTF_8));
    }
    return Fingerprinter.ephemeral();
  }

  private static String decode(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPLACE)
          .onUnmappableCharacter(CodingErrorAction.REPLACE)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new IllegalStateException("REPLACE decoding cannot fail", e);
    }
  }

  /** Converts UTF-16 offsets to code-point offsets and line numbers, for increasing offsets. */
  private static final class Positions {
    private final String text;
    private int utf16;
    private int codePoints;
    private int lineAt;
    private int line = 1;

    Positions(String text) {
      this.text = text;
    }

    int codePoints(int offset) {
      if (offset < utf16) {
        utf16 = 0;
        codePoints = 0;
      }
      codePoints += Character.codePointCount(text, utf16, offset);
      utf16 = offset;
      return codePoints;
    }

    int line(int offset) {
      if (offset < lineAt) {
        lineAt = 0;
        line = 1;
      }
      for (int i = lineAt; i < offset; i++) {
        if (text.charAt(i) == '\n') {
          line++;
        }
      }
      lineAt = offset;
      return line;
    }
  }
}
