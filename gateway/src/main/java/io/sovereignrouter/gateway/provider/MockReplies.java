package io.sovereignrouter.gateway.provider;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Deterministic OpenAI-schema replies: the same request always yields the same text, token counts
 * and vectors, so tests and benchmarks can assert exact output.
 */
final class MockReplies {
  private static final String[] WORDS = {
    "the", "gateway", "routes", "every", "request", "through", "a", "policy", "that", "decides",
    "which", "model", "may", "serve", "it", "and", "an", "attestation", "records", "what",
    "happened", "in", "append-only", "log", "so", "auditors", "can", "verify", "later", "without",
    "trusting", "us", "sovereign", "router", "keeps", "secrets", "out", "of", "prompts", "while",
    "providers", "answer", "quickly", "health", "scores", "order", "fallbacks", "when", "one",
        "fails",
    "tenants", "spend", "within", "caps", "tokens", "flow", "back", "to", "client", "unchanged",
    "mock", "reply", "is", "deterministic"
  };
  static final String FINGERPRINT = "fp_sovereign_mock";

  private MockReplies() {}

  /** A generated reply: one token list per choice. */
  record Reply(
      String id,
      long created,
      String model,
      List<List<String>> choices,
      List<String> finishReasons,
      int promptTokens) {
    int completionTokens() {
      return choices.stream().mapToInt(List::size).sum();
    }
  }

  static Reply chat(JsonObject body, String clientModel, String requestId, int replyTokens) {
    long seed = seed(clientModel, body.getValue("messages"));
    int n = intOr(body, "n", 1);
    int limit = maxTokens(body).orElse(Integer.MAX_VALUE);
    List<List<String>> choices = new ArrayList<>(n);
    List<String> finish = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      SplittableRandom random = new SplittableRandom(seed + i);
      int length = Math.min(replyTokens, limit);
      List<String> tokens = new ArrayList<>(length);
      for (int t = 0; t < length; t++) {
        String word = WORDS[random.nextInt(WORDS.length)];
        tokens.add(t == 0 ? capitalise(word) : " " + word);
      }
      if (!tokens.isEmpty() && length == replyTokens) {
        tokens.set(length - 1, tokens.get(length - 1) + ".");
      }
      choices.add(tokens);
      finish.add(limit < replyTokens ? "length" : "stop");
    }
    long created = System.currentTimeMillis() / 1000;
    return new Reply(
        "chatcmpl-" + requestId, created, clientModel, choices, finish, promptTokens(body));
  }

  static JsonObject completion(Reply reply) {
    JsonArray choices = new JsonArray();
    for (int i = 0; i < reply.choices().size(); i++) {
      choices.add(
          new JsonObject()
              .put("index", i)
              .put(
                  "message",
                  new JsonObject()
                      .put("role", "assistant")
                      .put("content", String.join("", reply.choices().get(i)))
                      .putNull("refusal")
                      .put("annotations", new JsonArray()))
              .putNull("logprobs")
              .put("finish_reason", reply.finishReasons().get(i)));
    }
    return new JsonObject()
        .put("id", reply.id())
        .put("object", "chat.completion")
        .put("created", reply.created())
        .put("model", reply.model())
        .put("choices", choices)
        .put("usage", usage(reply.promptTokens(), reply.completionTokens()))
        .put("service_tier", "default")
        .put("system_fingerprint", FINGERPRINT);
  }

  /**
   * One streamed chunk with a single choice delta; {@code includeUsage} adds {@code "usage": null}.
   */
  static JsonObject chunk(
      Reply reply, int choice, JsonObject delta, String finishReason, boolean includeUsage) {
    JsonObject c = chunkEnvelope(reply);
    JsonObject entry =
        new JsonObject().put("index", choice).put("delta", delta).putNull("logprobs");
    if (finishReason == null) {
      entry.putNull("finish_reason");
    } else {
      entry.put("finish_reason", finishReason);
    }
    c.put("choices", new JsonArray().add(entry));
    if (includeUsage) {
      c.putNull("usage");
    }
    return c;
  }

  /** The final usage chunk sent when {@code stream_options.include_usage} is true. */
  static JsonObject usageChunk(Reply reply) {
    return chunkEnvelope(reply)
        .put("choices", new JsonArray())
        .put("usage", usage(reply.promptTokens(), reply.completionTokens()));
  }

  private static JsonObject chunkEnvelope(Reply reply) {
    return new JsonObject()
        .put("id", reply.id())
        .put("object", "chat.completion.chunk")
        .put("created", reply.created())
        .put("model", reply.model())
        .put("service_tier", "default")
        .put("system_fingerprint", FINGERPRINT);
  }

  static JsonObject usage(int prompt, int completion) {
    return new JsonObject()
        .put("prompt_tokens", prompt)
        .put("completion_tokens", completion)
        .put("total_tokens", prompt + completion)
        .put(
            "prompt_tokens_details",
            new JsonObject().put("cached_tokens", 0).put("audio_tokens", 0))
        .put(
            "completion_tokens_details",
            new JsonObject()
                .put("reasoning_tokens", 0)
                .put("audio_tokens", 0)
                .put("accepted_prediction_tokens", 0)
                .put("rejected_prediction_tokens", 0));
  }

  /** Embeddings for every input, unit-length, as floats or little-endian float32 base64. */
  static JsonObject embeddings(JsonObject body, String clientModel, int defaultDimensions) {
    Object input = body.getValue("input");
    List<Object> inputs =
        input instanceof JsonArray array && !isTokenArray(array) ? array.getList() : List.of(input);
    int dimensions = intOr(body, "dimensions", defaultDimensions);
    boolean base64 = "base64".equals(body.getString("encoding_format"));
    JsonArray data = new JsonArray();
    int promptTokens = 0;
    for (int i = 0; i < inputs.size(); i++) {
      Object one = inputs.get(i);
      float[] vector = vector(seed(clientModel, one), dimensions);
      promptTokens += one instanceof String s ? estimateTokens(s) : tokenCount(one);
      data.add(
          new JsonObject()
              .put("object", "embedding")
              .put("index", i)
              .put("embedding", base64 ? toBase64(vector) : toJson(vector)));
    }
    return new JsonObject()
        .put("object", "list")
        .put("data", data)
        .put("model", clientModel)
        .put(
            "usage",
            new JsonObject().put("prompt_tokens", promptTokens).put("total_tokens", promptTokens));
  }

  private static boolean isTokenArray(JsonArray array) {
    return !array.isEmpty() && array.getValue(0) instanceof Number;
  }

  private static int tokenCount(Object tokens) {
    return tokens instanceof JsonArray a ? a.size() : 1;
  }

  private static float[] vector(long seed, int dimensions) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] v = new float[dimensions];
    double norm = 0;
    for (int i = 0; i < dimensions; i++) {
      v[i] = (float) (random.nextDouble() * 2 - 1);
      norm += v[i] * v[i];
    }
    float scale = (float) (1 / Math.sqrt(norm));
    for (int i = 0; i < dimensions; i++) {
      v[i] *= scale;
    }
    return v;
  }

  private static JsonArray toJson(float[] v) {
    JsonArray out = new JsonArray(new ArrayList<>(v.length));
    for (float f : v) {
      out.add(f);
    }
    return out;
  }

  private static String toBase64(float[] v) {
    ByteBuffer bytes = ByteBuffer.allocate(v.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    for (float f : v) {
      bytes.putFloat(f);
    }
    return Base64.getEncoder().encodeToString(bytes.array());
  }

  private static int promptTokens(JsonObject body) {
    int tokens = 0;
    for (Object m : body.getJsonArray("messages")) {
      tokens += 4; // per-message framing, as OpenAI's chat format counts it
      if (m instanceof JsonObject message) {
        Object content = message.getValue("content");
        tokens += estimateTokens(content == null ? "" : content.toString());
      }
    }
    return tokens + 3;
  }

  /** About four characters a token, the usual rule of thumb for English. */
  static int estimateTokens(String text) {
    return (text.length() + 3) / 4;
  }

  private static java.util.Optional<Integer> maxTokens(JsonObject body) {
    Object value = body.getValue("max_completion_tokens", body.getValue("max_tokens"));
    return value instanceof Number n
        ? java.util.Optional.of(n.intValue())
        : java.util.Optional.empty();
  }

  private static int intOr(JsonObject body, String field, int fallback) {
    return body.getValue(field) instanceof Number n ? n.intValue() : fallback;
  }

  private static String capitalise(String word) {
    return Character.toUpperCase(word.charAt(0)) + word.substring(1);
  }

  private static long seed(String model, Object content) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(model.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      sha.update(String.valueOf(content).getBytes(StandardCharsets.UTF_8));
      return ByteBuffer.wrap(sha.digest()).getLong();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
  }
}
