package io.sovereignrouter.gateway.attest;

import static org.assertj.core.api.Assertions.assertThat;

import io.sovereignrouter.attestation.InclusionPromise;
import io.sovereignrouter.attestation.InclusionPromises;
import io.sovereignrouter.gateway.Attested;
import io.sovereignrouter.gateway.GatewayExtension;
import io.sovereignrouter.gateway.TestGateway;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code attestation.proof: async}: answers carry a signed promise of their log index instead of
 * waiting for the proof; the promise verifies against the log, alone it does not, and the proven
 * attestation is served at {@code GET /v1/attestations/{id}}.
 */
class AsyncProofIT {
  @RegisterExtension
  static final GatewayExtension running =
      GatewayExtension.of(
          () ->
              TestGateway.resource("/conformance.yaml")
                  + "\nattestation: { proof: async, max-batch-delay-ms: 20 }\n",
          Map.of());

  static TestGateway gateway;
  static Path logKey;
  static Path logDir;

  @TempDir Path tmp;

  @BeforeAll
  static void bind() {
    gateway = running.get();
    logKey = gateway.gateway().dataDir().resolve("log.pub");
    logDir = gateway.gateway().auditLog().root();
  }

  private static final String CHAT =
      "{\"model\":\"mock-chat\",\"messages\":[{\"role\":\"user\",\"content\":\"promise me\"}]}";

  private int verify(String json, String... more) throws Exception {
    Path file = Files.createTempFile(tmp, "att", ".json");
    Files.writeString(file, json);
    return Attested.verify(file, logKey, more);
  }

  @Test
  void chat_carriesASignedPromise_provenLaterAtTheLookup() throws Exception {
    HttpResponse<String> response = gateway.postJson("/v1/chat/completions", CHAT);
    assertThat(response.statusCode()).isEqualTo(200);
    JsonObject att = Attested.of(response.body());
    assertThat(att.containsKey("inclusion_proof")).isFalse();
    long index = att.getLong("rekor_index");
    assertThat(response.headers().firstValue("X-SF-Log-Index")).contains(Long.toString(index));
    InclusionPromise promise = InclusionPromises.read(att.getString("inclusion_promise"));
    assertThat(promise.index()).isEqualTo(index);
    assertThat(promise.origin()).isEqualTo("sovereign-router.local/log");

    // A promise alone is not proof of inclusion.
    assertThat(verify(response.body())).isEqualTo(1);

    HttpResponse<String> proven = lookup(att.getString("route_decision_id"));
    assertThat(proven.statusCode()).as(proven.body()).isEqualTo(200);
    JsonObject later = new JsonObject(proven.body());
    assertThat(later.getLong("rekor_index")).isEqualTo(index);
    assertThat(later.getJsonObject("envelope")).isEqualTo(att.getJsonObject("envelope"));
    assertThat(later.getJsonObject("inclusion_proof").getLong("log_index")).isEqualTo(index);
    assertThat(verify(proven.body())).isZero();

    // Once integrated, the promise itself checks out against the log, served or on disk.
    assertThat(verify(response.body(), "--log", gateway.origin() + "/log")).isZero();
    assertThat(verify(response.body(), "--log", logDir.toString())).isZero();

    JsonObject otherIndex = att.copy().put("rekor_index", index + 1);
    assertThat(verify(otherIndex.encode(), "--log", logDir.toString())).isEqualTo(1);
  }

  @Test
  void stream_endsWithAPromisedAttestation() throws Exception {
    String body =
        "{\"model\":\"mock-chat\",\"stream\":true,"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"stream a promise\"}]}";
    HttpResponse<String> response = gateway.postJson("/v1/chat/completions", body);
    List<String> data = Attested.dataLines(response.body());
    assertThat(data.getLast()).isEqualTo("[DONE]");
    JsonObject att = Attested.of(data.get(data.size() - 2));
    assertThat(att.getString("inclusion_promise")).startsWith(InclusionPromise.HEADER + "\n");
    assertThat(lookup(att.getString("route_decision_id")).statusCode()).isEqualTo(200);
    assertThat(verify(data.get(data.size() - 2), "--log", logDir.toString())).isZero();
  }

  @Test
  void concurrentRequests_getDistinctPromisedIndexesThatAllProve() throws Exception {
    List<HttpResponse<String>> responses =
        java.util.stream.IntStream.range(0, 24)
            .parallel()
            .mapToObj(i -> gateway.postJson("/v1/chat/completions", CHAT))
            .toList();
    java.util.Set<Long> indexes = new java.util.HashSet<>();
    for (HttpResponse<String> r : responses) {
      assertThat(r.statusCode()).isEqualTo(200);
      JsonObject att = Attested.of(r.body());
      assertThat(indexes.add(att.getLong("rekor_index"))).isTrue();
      assertThat(lookup(att.getString("route_decision_id")).statusCode()).isEqualTo(200);
      assertThat(verify(r.body(), "--log", logDir.toString())).isZero();
    }
  }

  // The lookup row is written just after the response: allow it a moment.
  private static HttpResponse<String> lookup(String id) throws InterruptedException {
    HttpResponse<String> found = null;
    for (int i = 0; i < 40; i++) {
      found =
          gateway.send(
              HttpRequest.newBuilder(URI.create(gateway.baseUrl() + "/attestations/" + id))
                  .header("Authorization", "Bearer " + gateway.demoKey())
                  .build());
      if (found.statusCode() != 404) {
        break;
      }
      Thread.sleep(50);
    }
    return found;
  }
}
