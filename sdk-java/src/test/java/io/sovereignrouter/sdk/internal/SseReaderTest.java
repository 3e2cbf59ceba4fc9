package io.sovereignrouter.sdk.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SseReaderTest {
  private static SseReader reader(String text) {
    return new SseReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void next_readsDataNamedEventsAndDone() throws IOException {
    SseReader r =
        reader(
            ": comment\r\ndata: {\"a\":1}\r\n\r\nevent: sf_attestation\ndata: {\"b\":2}\n\n"
                + "data:x\ndata: y\n\ndata: [DONE]\n\n");
    assertThat(r.next()).contains(new SseReader.Event("message", "{\"a\":1}"));
    assertThat(r.next()).contains(new SseReader.Event("sf_attestation", "{\"b\":2}"));
    assertThat(r.next()).contains(new SseReader.Event("message", "x\ny"));
    assertThat(r.next()).contains(new SseReader.Event("message", "[DONE]"));
    assertThat(r.next()).isEmpty();
  }

  @Test
  void next_eventWithoutData_isSkippedAndNameReset() throws IOException {
    SseReader r = reader("event: ping\n\ndata: z\n\n");
    assertThat(r.next()).contains(new SseReader.Event("message", "z"));
  }

  @Test
  void next_unterminatedLastEvent_isReturned() throws IOException {
    assertThat(reader("data: tail").next()).contains(new SseReader.Event("message", "tail"));
  }
}
