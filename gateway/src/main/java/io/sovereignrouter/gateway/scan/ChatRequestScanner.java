package io.sovereignrouter.gateway.scan;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Scans every text a provider would see in an OpenAI-shaped request body (chat completions, and any
 * other JSON body): message content strings and content parts, system/developer prompts, tool-call
 * arguments, tool results, tool definitions. It walks all string values except structural fields
 * ({@link #STRUCTURAL_KEYS}) and inline binary data ({@code data:} URLs, {@code input_audio.data}),
 * which carry no prompt text.
 */
public final class ChatRequestScanner {
  /** Keys whose string values are identifiers or enums, not text a person wrote. */
  public static final Set<String> STRUCTURAL_KEYS =
      Set.of("model", "role", "type", "tool_call_id", "id", "detail", "format", "encoding_format");

  private final Scanner scanner;

  /**
   * A request scanner.
   *
   * @param scanner the tenant's scanner (rules, allow-list, fingerprint key)
   */
  public ChatRequestScanner(Scanner scanner) {
    this.scanner = Objects.requireNonNull(scanner, "scanner");
  }

  /**
   * Scans {@code body} and applies {@code action}.
   *
   * @param body the request body; never modified
   * @param action the tenant's action
   * @return {@link ScanVerdict.Clean} when nothing is found, else the verdict for the action
   */
  public ScanVerdict scan(JsonObject body, LeakAction action) {
    List<Hit> hits = new ArrayList<>();
    walk(body, "", null, hits);
    if (hits.isEmpty()) {
      return new ScanVerdict.Clean();
    }
    List<JsonFinding> findings = new ArrayList<>();
    for (Hit h : hits) {
      for (Finding f : h.findings()) {
        findings.add(new JsonFinding(h.pointer(), f));
      }
    }
    return switch (action) {
      case BLOCK -> new ScanVerdict.Blocked(findings);
      case LOG -> new ScanVerdict.Logged(findings);
      case REDACT -> new ScanVerdict.Redacted(redacted(body, hits), findings);
    };
  }

  private void walk(Object value, String pointer, String key, List<Hit> hits) {
    switch (value) {
      case JsonObject o -> {
        for (String name : o.fieldNames()) {
          walk(o.getValue(name), pointer + "/" + escape(name), name, hits);
        }
      }
      case JsonArray a -> {
        for (int i = 0; i < a.size(); i++) {
          walk(a.getValue(i), pointer + "/" + i, key, hits);
        }
      }
      case String s -> {
        if (scannable(key, s)) {
          List<Finding> found = scanner.scan(s);
          if (!found.isEmpty()) {
            hits.add(new Hit(pointer, found));
          }
        }
      }
      case null, default -> {}
    }
  }

  private static boolean scannable(String key, String s) {
    if (key != null && (STRUCTURAL_KEYS.contains(key) || key.equals("data"))) {
      return false;
    }
    return !s.startsWith("data:");
  }

  private static JsonObject redacted(JsonObject body, List<Hit> hits) {
    JsonObject copy = body.copy();
    Redactor redactor = new Redactor();
    for (Hit h : hits) {
      String[] parts = h.pointer().substring(1).split("/", -1);
      Object parent = copy;
      for (int i = 0; i < parts.length - 1; i++) {
        parent = child(parent, unescape(parts[i]));
      }
      String last = unescape(parts[parts.length - 1]);
      String original = (String) child(parent, last);
      String replaced = redactor.redact(original, h.findings());
      switch (parent) {
        case JsonObject o -> o.put(last, replaced);
        case JsonArray a -> a.set(Integer.parseInt(last), replaced);
        default -> throw new IllegalStateException("pointer " + h.pointer() + " left the copy");
      }
    }
    return copy;
  }

  private static Object child(Object parent, String segment) {
    return switch (parent) {
      case JsonObject o -> o.getValue(segment);
      case JsonArray a -> a.getValue(Integer.parseInt(segment));
      default -> throw new IllegalStateException("pointer segment " + segment + " left the copy");
    };
  }

  // RFC 6901 §3: '~' is written "~0" and '/' is written "~1".
  private static String escape(String name) {
    return name.replace("~", "~0").replace("/", "~1");
  }

  private static String unescape(String segment) {
    return segment.replace("~1", "/").replace("~0", "~");
  }

  private record Hit(String pointer, List<Finding> findings) {}
}
