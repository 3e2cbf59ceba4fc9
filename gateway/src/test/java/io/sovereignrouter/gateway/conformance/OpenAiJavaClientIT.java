package io.sovereignrouter.gateway.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.JsonValue;
import com.openai.core.http.HttpResponseFor;
import com.openai.core.http.StreamResponse;
import com.openai.errors.BadRequestException;
import com.openai.errors.InternalServerException;
import com.openai.errors.NotFoundException;
import com.openai.errors.OpenAIServiceException;
import com.openai.errors.SseException;
import com.openai.errors.UnauthorizedException;
import com.openai.errors.UnexpectedStatusCodeException;
import com.openai.models.ChatModel;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import com.openai.models.embeddings.CreateEmbeddingResponse;
import com.openai.models.embeddings.EmbeddingCreateParams;
import com.openai.models.models.Model;
import io.sovereignrouter.gateway.TestGateway;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The official openai-java client, unchanged but for its base URL, against a real gateway. */
class OpenAiJavaClientIT {
  @TempDir static Path dir;
  static TestGateway gateway;
  static OpenAIClient client;

  @BeforeAll
  static void start() {
    gateway = TestGateway.start(dir);
    client = clientWithKey(gateway.demoKey());
  }

  @AfterAll
  static void stop() {
    client.close();
    gateway.close();
  }

  private static OpenAIClient clientWithKey(String key) {
    return OpenAIOkHttpClient.builder()
        .baseUrl(gateway.baseUrl())
        .apiKey(key)
        .maxRetries(0)
        .timeout(Duration.ofSeconds(20))
        .responseValidation(true)
        .build();
  }

  private static ChatCompletionCreateParams.Builder chat(String model, String message) {
    return ChatCompletionCreateParams.builder()
        .model(ChatModel.of(model))
        .addSystemMessage("be brief")
        .addUserMessage(message);
  }

  @Test
  void models_listsConfiguredModels() {
    List<String> ids = client.models().list().data().stream().map(Model::id).toList();
    assertThat(ids).contains("mock-chat", "mock-embed", "mock-fallback");
    assertThat(ids).doesNotHaveDuplicates();
  }

  @Test
  void chat_validatesAgainstSchema_usageAddsUp() {
    ChatCompletion completion =
        client.chat().completions().create(chat("mock-chat", "hello").build());
    assertThat(completion.model()).isEqualTo("mock-chat");
    assertThat(completion.choices()).hasSize(1);
    ChatCompletion.Choice choice = completion.choices().get(0);
    assertThat(choice.message().content()).hasValueSatisfying(c -> assertThat(c).isNotBlank());
    assertThat(choice.finishReason()).isEqualTo(ChatCompletion.Choice.FinishReason.STOP);
    var usage = completion.usage().orElseThrow();
    assertThat(usage.totalTokens()).isEqualTo(usage.promptTokens() + usage.completionTokens());
  }

  @Test
  void chat_sameMessages_sameReply_maxTokensGivesLength() {
    String a =
        client
            .chat()
            .completions()
            .create(chat("mock-chat", "same").build())
            .choices()
            .get(0)
            .message()
            .content()
            .orElseThrow();
    String b =
        client
            .chat()
            .completions()
            .create(chat("mock-chat", "same").build())
            .choices()
            .get(0)
            .message()
            .content()
            .orElseThrow();
    assertThat(a).isEqualTo(b);
    ChatCompletion cut =
        client
            .chat()
            .completions()
            .create(chat("mock-chat", "same").maxCompletionTokens(3L).build());
    assertThat(cut.choices().get(0).finishReason())
        .isEqualTo(ChatCompletion.Choice.FinishReason.LENGTH);
    assertThat(cut.usage().orElseThrow().completionTokens()).isEqualTo(3);
  }

  @Test
  void chat_unknownFieldsAndPolicyHeader_accepted_routingHeadersSet() {
    ChatCompletionCreateParams params =
        chat("mock-fallback", "hi")
            .putAdditionalBodyProperty("x_vendor_option", JsonValue.from(Map.of("a", 1)))
            .putAdditionalHeader("X-SF-Policy", "dev-open")
            .putAdditionalHeader("X-Request-Id", "req-java-1")
            .build();
    HttpResponseFor<ChatCompletion> raw =
        client.chat().completions().withRawResponse().create(params);
    assertThat(raw.statusCode()).isEqualTo(200);
    assertThat(raw.headers().values("X-Request-Id")).containsExactly("req-java-1");
    assertThat(raw.headers().values("X-SF-Provider")).containsExactly("mock");
    assertThat(raw.headers().values("X-SF-Attempts"))
        .singleElement()
        .asString()
        .matches(
            "\"flaky\";model=\"mock-fallback\";status=503;ms=\\d+;error=\"status\", "
                + "\"mock\";model=\"mock-fallback\";status=200;ms=\\d+");
    assertThat(raw.headers().values("X-SF-Route-Decision"))
        .singleElement()
        .asString()
        .startsWith("rd_");
    assertThat(raw.parse().choices()).hasSize(1);
  }

  @Test
  void stream_deltasEqualNonStreamingReply_usageLast() {
    String expected =
        client
            .chat()
            .completions()
            .create(chat("mock-chat", "stream me").build())
            .choices()
            .get(0)
            .message()
            .content()
            .orElseThrow();
    ChatCompletionCreateParams params =
        chat("mock-chat", "stream me")
            .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build())
            .build();
    StringBuilder text = new StringBuilder();
    List<ChatCompletionChunk> chunks = new ArrayList<>();
    try (StreamResponse<ChatCompletionChunk> stream =
        client.chat().completions().createStreaming(params)) {
      stream.stream()
          .forEach(
              chunk -> {
                chunks.add(chunk);
                chunk.choices().forEach(c -> c.delta().content().ifPresent(text::append));
              });
    }
    assertThat(text.toString()).isEqualTo(expected);
    ChatCompletionChunk last = chunks.get(chunks.size() - 1);
    assertThat(last.choices()).isEmpty();
    assertThat(last.usage()).isPresent();
    assertThat(chunks.subList(0, chunks.size() - 1))
        .allSatisfy(c -> assertThat(c.usage()).isEmpty());
    assertThat(
            chunks.stream()
                .flatMap(c -> c.choices().stream())
                .filter(c -> c.finishReason().isPresent()))
        .hasSize(1);
  }

  @Test
  void stream_brokenMidway_raisesSseException() {
    ChatCompletionCreateParams params = chat("mock-midstream", "hi").build();
    assertThatThrownBy(
            () -> {
              try (StreamResponse<ChatCompletionChunk> stream =
                  client.chat().completions().createStreaming(params)) {
                stream.stream().forEach(chunk -> {});
              }
            })
        .isInstanceOf(SseException.class)
        .hasMessageContaining("failed");
  }

  @Test
  void embeddings_defaultBase64_decodesToUnitVector() {
    CreateEmbeddingResponse response =
        client
            .embeddings()
            .create(
                EmbeddingCreateParams.builder().model("mock-embed").input("hello world").build());
    List<Float> vector = response.data().get(0).embedding();
    assertThat(response.data().get(0).embeddingValue().isBase64()).isTrue();
    assertThat(vector).hasSize(64);
    double norm = vector.stream().mapToDouble(f -> f * f).sum();
    assertThat(norm).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
    assertThat(response.usage().totalTokens()).isPositive();
  }

  @Test
  void embeddings_floatAndDimensions_sameVectorAsBase64Prefix() {
    EmbeddingCreateParams.Builder base =
        EmbeddingCreateParams.builder()
            .model("mock-embed")
            .inputOfArrayOfStrings(List.of("a", "b", "a"))
            .dimensions(8L);
    CreateEmbeddingResponse floats =
        client
            .embeddings()
            .create(base.encodingFormat(EmbeddingCreateParams.EncodingFormat.FLOAT).build());
    CreateEmbeddingResponse b64 =
        client
            .embeddings()
            .create(base.encodingFormat(EmbeddingCreateParams.EncodingFormat.BASE64).build());
    assertThat(floats.data()).hasSize(3);
    assertThat(floats.data().get(0).embeddingValue().isBase64()).isFalse();
    assertThat(floats.data().get(0).embedding())
        .hasSize(8)
        .isEqualTo(b64.data().get(0).embedding())
        .isEqualTo(floats.data().get(2).embedding())
        .isNotEqualTo(floats.data().get(1).embedding());
  }

  @Test
  void errors_mapToTypedExceptions() {
    OpenAIClient wrongKey = clientWithKey("sk-router-aaaaaaaaaaaa_" + "B".repeat(40));
    try {
      assertThatThrownBy(() -> wrongKey.models().list())
          .isInstanceOfSatisfying(
              UnauthorizedException.class, e -> assertThat(e.code()).contains("invalid_api_key"));
    } finally {
      wrongKey.close();
    }
    assertThatThrownBy(() -> client.chat().completions().create(chat("gpt-17", "hi").build()))
        .isInstanceOfSatisfying(
            NotFoundException.class, e -> assertThat(e.code()).contains("model_not_found"));
    assertThatThrownBy(
            () ->
                client
                    .chat()
                    .completions()
                    .create(chat("mock-chat", "hi").temperature(7.0).build()))
        .isInstanceOfSatisfying(
            BadRequestException.class, e -> assertThat(e.param()).contains("temperature"));
    assertThatThrownBy(() -> client.chat().completions().create(chat("mock-broken", "hi").build()))
        .isInstanceOfSatisfying(
            InternalServerException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(502);
              assertThat(e.code()).contains("upstream_error");
            });
    String huge = "x".repeat(70_000);
    assertThatThrownBy(() -> client.chat().completions().create(chat("mock-chat", huge).build()))
        .isInstanceOfSatisfying(
            UnexpectedStatusCodeException.class, e -> assertThat(e.statusCode()).isEqualTo(413));
    assertThatThrownBy(
            () ->
                client
                    .embeddings()
                    .create(EmbeddingCreateParams.builder().model("mock-chat").input("x").build()))
        .isInstanceOf(OpenAIServiceException.class);
  }
}
