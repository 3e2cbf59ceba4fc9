package io.sovereignrouter.gateway.provider;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class MockRepliesTest {
  private static JsonObject chat(String content) {
    return new JsonObject()
        .put("model", "m")
        .put(
            "messages",
            new JsonArray().add(new JsonObject().put("role", "user").put("content", content)));
  }

  @Test
  void chat_sameMessages_sameText_otherMessages_otherText() {
    String a = text(MockReplies.chat(chat("hello"), "m", "r1", 16));
    String b = text(MockReplies.chat(chat("hello"), "m", "r2", 16));
    String c = text(MockReplies.chat(chat("goodbye"), "m", "r3", 16));
    assertThat(a).isEqualTo(b).isNotEqualTo(c).endsWith(".");
  }

  @Test
  void chat_maxTokensBelowReply_truncatesWithLength() {
    MockReplies.Reply reply = MockReplies.chat(chat("hi").put("max_tokens", 3), "m", "r", 16);
    assertThat(reply.choices().get(0)).hasSize(3);
    assertThat(reply.finishReasons()).containsExactly("length");
    JsonObject usage = MockReplies.completion(reply).getJsonObject("usage");
    assertThat(usage.getInteger("completion_tokens")).isEqualTo(3);
    assertThat(usage.getInteger("total_tokens"))
        .isEqualTo(usage.getInteger("prompt_tokens") + usage.getInteger("completion_tokens"));
  }

  @Test
  void embeddings_base64_decodesToSameUnitVectorAsFloats() {
    JsonObject body =
        new JsonObject().put("model", "e").put("input", "hello").put("dimensions", 16);
    JsonArray floats =
        MockReplies.embeddings(body, "e", 64)
            .getJsonArray("data")
            .getJsonObject(0)
            .getJsonArray("embedding");
    String b64 =
        MockReplies.embeddings(body.copy().put("encoding_format", "base64"), "e", 64)
            .getJsonArray("data")
            .getJsonObject(0)
            .getString("embedding");
    ByteBuffer bytes =
        ByteBuffer.wrap(Base64.getDecoder().decode(b64)).order(ByteOrder.LITTLE_ENDIAN);
    assertThat(floats).hasSize(16);
    double norm = 0;
    for (int i = 0; i < 16; i++) {
      float f = bytes.getFloat();
      assertThat(f).isEqualTo(floats.getFloat(i));
      norm += f * f;
    }
    assertThat(norm).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
  }

  @Test
  void embeddings_listInput_oneVectorPerItem() {
    JsonObject body =
        new JsonObject().put("model", "e").put("input", new JsonArray().add("a").add("b").add("a"));
    JsonArray data = MockReplies.embeddings(body, "e", 8).getJsonArray("data");
    assertThat(data).hasSize(3);
    assertThat(data.getJsonObject(0).getValue("embedding"))
        .isEqualTo(data.getJsonObject(2).getValue("embedding"));
    assertThat(data.getJsonObject(0).getValue("embedding"))
        .isNotEqualTo(data.getJsonObject(1).getValue("embedding"));
    assertThat(data.getJsonObject(2).getInteger("index")).isEqualTo(2);
  }

  private static String text(MockReplies.Reply reply) {
    return MockReplies.completion(reply)
        .getJsonArray("choices")
        .getJsonObject(0)
        .getJsonObject("message")
        .getString("content");
  }
}
