package io.sovereignrouter.sdk.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sovereignrouter.sdk.SovereignProtocolException;
import io.sovereignrouter.sdk.StreamInterruptedException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Streams that end wrongly fail loudly instead of looking complete. */
class ChunkReaderTest {
  private static final String CHUNK =
      "data: {\"id\":\"c\",\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"hi\"}}]}\n\n";

  private static ChunkReader reader(String sse) {
    return new ChunkReader(
        new Transport.Opened(
            Headers.meta(200, HeadersTest.headers()),
            new ByteArrayInputStream(sse.getBytes(StandardCharsets.UTF_8))),
        new byte[0]);
  }

  @Test
  void next_streamWithoutDone_throwsProtocol() {
    ChunkReader r = reader(CHUNK);
    assertThat(r.next().orElseThrow().text()).isEqualTo("hi");
    assertThatThrownBy(r::next)
        .isInstanceOf(SovereignProtocolException.class)
        .hasMessageContaining("[DONE]");
    assertThat(r.attestation()).isEmpty();
  }

  @Test
  void next_doneWithoutAttestation_throwsProtocol() {
    ChunkReader r = reader(CHUNK + "data: [DONE]\n\n");
    r.next();
    assertThatThrownBy(r::next)
        .isInstanceOf(SovereignProtocolException.class)
        .hasMessageContaining("attestation");
  }

  @Test
  void next_errorEvent_throwsStreamInterrupted() {
    ChunkReader r =
        reader(
            CHUNK
                + "data: {\"error\":{\"message\":\"upstream broke\",\"type\":\"server_error\","
                + "\"param\":null,\"code\":\"upstream_error\"}}\n\n");
    r.next();
    assertThatThrownBy(r::next)
        .isInstanceOfSatisfying(
            StreamInterruptedException.class,
            e -> {
              assertThat(e.error().code()).contains("upstream_error");
              assertThat(e.meta().status()).isEqualTo(200);
            });
  }
}
