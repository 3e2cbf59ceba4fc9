package io.sovereignrouter.gateway.attest;

import static org.assertj.core.api.Assertions.assertThat;

import io.sovereignrouter.attestation.CheckpointVerification;
import io.sovereignrouter.attestation.Checkpoints;
import io.sovereignrouter.attestation.NoteVerifierKey;
import io.sovereignrouter.gateway.Attested;
import io.sovereignrouter.gateway.GatewayExtension;
import io.sovereignrouter.gateway.Main;
import io.sovereignrouter.gateway.TestGateway;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Every answer carries an attestation that `sovereign verify` accepts with only the log's public
 * key, that binds the exact request and response bytes, and that fails once anything is altered.
 */
class AttestationIT {
  @RegisterExtension static final GatewayExtension running = GatewayExtension.conformance();
  static TestGateway gateway;
  static Path logKey;

  @TempDir Path tmp;

  @BeforeAll
  static void bind() {
    gateway = running.get();
    logKey = gateway.gateway().dataDir().resolve("log.pub");
  }

  private static final String CHAT =
      "{\"model\":\"mock-chat\",\"messages\":[{\"role\":\"user\",\"content\":\"attest me\"}]}";

  private int verify(Path file, String... more) {
    return Attested.verify(file, logKey, more);
  }

  private Path write(String name, String content) throws Exception {
    Path file = tmp.resolve(name);
    Files.writeString(file, content);
    return file;
  }

  @Test
  void chat_attestationVerifies_bindsExactBytes_andLogIndexHeader() throws Exception {
    HttpResponse<String> response = gateway.postJson("/v1/chat/completions", CHAT);
    assertThat(response.statusCode()).isEqualTo(200);
    JsonObject att = Attested.of(response.body());
    assertThat(response.headers().firstValue("X-SF-Log-Index"))
        .contains(Long.toString(att.getLong("rekor_index")));
    assertThat(att.getString("route_decision_id"))
        .isEqualTo(response.headers().firstValue("X-SF-Route-Decision").orElseThrow());
    assertThat(att.getString("provider_id")).isEqualTo("mock");
    assertThat(att.getString("log_origin")).isEqualTo("sovereign-router.local/log");
    assertThat(att.getJsonArray("attempts")).hasSize(1);

    JsonObject statement = statement(att);
    List<Object> subjects = statement.getJsonArray("subject").getList();
    assertThat(digest(statement, "request")).isEqualTo(sha256(CHAT));
    assertThat(digest(statement, "response")).isEqualTo(sha256(Attested.strip(response.body())));
    assertThat(subjects).hasSize(2);
    assertThat(statement.getJsonObject("predicate").encode()).doesNotContain("attest me");

    Path file = write("reply.json", response.body());
    assertThat(verify(file)).isZero();
    assertThat(verify(file, "--log", gateway.origin() + "/log")).isZero();
    assertThat(verify(file, "--log", gateway.gateway().auditLog().root().toString())).isZero();
  }

  @Test
  void tampering_failsVerification() throws Exception {
    String body = gateway.postJson("/v1/chat/completions", CHAT).body();
    JsonObject att = Attested.of(body);

    JsonObject wrongIndex = att.copy().put("rekor_index", att.getLong("rekor_index") + 1);
    assertThat(verify(write("index.json", wrongIndex.encode()))).isEqualTo(1);

    JsonObject wrongModel = att.copy().put("model", "gpt-4o");
    assertThat(verify(write("model.json", wrongModel.encode()))).isEqualTo(1);

    // Every signed member, not only the ones the gateway fills today: a claim of a better tier,
    // another policy or model hash is as much a forgery as another model.
    for (String field :
        List.of(
            "tier_observed",
            "tier_required",
            "policy_id",
            "policy_digest",
            "model_hash",
            "mirror_id",
            "provider_model",
            "tenant_id",
            "cost_usd",
            "leak_findings")) {
      JsonObject forged = att.copy().put(field, "forged");
      assertThat(verify(write(field + ".json", forged.encode()))).as(field).isEqualTo(1);
    }
    JsonObject unsigned = att.copy().put("tier", "sealed");
    assertThat(verify(write("unsigned.json", unsigned.encode()))).isEqualTo(1);

    JsonObject envelope = att.getJsonObject("envelope").copy();
    String payload =
        new String(
            Base64.getDecoder().decode(envelope.getString("payload")), StandardCharsets.UTF_8);
    envelope.put(
        "payload", Base64.getEncoder().encodeToString(payload.replace("mock", "mocK").getBytes()));
    assertThat(verify(write("payload.json", att.copy().put("envelope", envelope).encode())))
        .isEqualTo(1);

    JsonObject proof = att.getJsonObject("inclusion_proof").copy();
    proof.put(
        "checkpoint",
        proof.getString("checkpoint").replace("sovereign-router.local/log", "other.example/log"));
    assertThat(verify(write("checkpoint.json", att.copy().put("inclusion_proof", proof).encode())))
        .isEqualTo(1);

    Path otherKey =
        write(
            "other.pub", "other.example/log+0a1b2c3d+AS4xyjsUvS5RzBfNWe7aJGpQbNGK5U0CHXrKN3P1k1Ha");
    String[] args = {"verify", write("ok.json", body).toString(), "--log-key", otherKey.toString()};
    assertThat(new CommandLine(new Main()).execute(args)).isNotZero();
  }

  @Test
  void verify_exportsSigstoreBundle_onlyWhenVerified() throws Exception {
    Path reply = write("export.json", gateway.postJson("/v1/chat/completions", CHAT).body());
    Path bundle = tmp.resolve("bundle.json");
    Path root = tmp.resolve("trusted_root.json");
    Path pem = tmp.resolve("log.pem");
    String url = gateway.origin() + "/log";
    assertThat(
            verify(
                reply,
                "--log",
                url,
                "--export-bundle",
                bundle.toString(),
                "--export-trusted-root",
                root.toString(),
                "--export-key",
                pem.toString()))
        .isZero();
    JsonObject b = new JsonObject(Files.readString(bundle));
    assertThat(b.getString("mediaType")).isEqualTo("application/vnd.dev.sigstore.bundle.v0.3+json");
    JsonObject entry =
        b.getJsonObject("verificationMaterial").getJsonArray("tlogEntries").getJsonObject(0);
    assertThat(entry.getString("logIndex"))
        .isEqualTo(Long.toString(Attested.of(Files.readString(reply)).getLong("rekor_index")));
    assertThat(
            entry.getJsonObject("inclusionProof").getJsonObject("checkpoint").getString("envelope"))
        .startsWith("sovereign-router.local/log\n");
    JsonObject tlog = new JsonObject(Files.readString(root)).getJsonArray("tlogs").getJsonObject(0);
    assertThat(tlog.getString("baseUrl")).isEqualTo(url);
    assertThat(Files.readString(pem)).startsWith("-----BEGIN PUBLIC KEY-----\n");

    JsonObject forged = Attested.of(Files.readString(reply)).copy().put("tier_observed", "sealed");
    Path forgedBundle = tmp.resolve("forged-bundle.json");
    assertThat(
            verify(
                write("forged.json", forged.encode()), "--export-bundle", forgedBundle.toString()))
        .isEqualTo(1);
    assertThat(forgedBundle).doesNotExist();
  }

  @Test
  void verifyWithLog_detectsRollbackAndTamperedTiles() throws Exception {
    Path logDir = gateway.gateway().auditLog().root();
    Path before = tmp.resolve("before");
    copyTree(logDir, before);
    Path reply = write("r.json", gateway.postJson("/v1/chat/completions", CHAT).body());
    for (int i = 0; i < 3; i++) {
      gateway.postJson("/v1/chat/completions", CHAT);
    }
    assertThat(verify(reply, "--log", logDir.toString())).isZero();
    assertThat(verify(reply, "--log", before.toString()))
        .as("log older than the receipt")
        .isEqualTo(1);

    Path tampered = tmp.resolve("tampered");
    copyTree(logDir, tampered);
    try (var tiles = Files.walk(tampered.resolve("tile/0"))) {
      for (Path tile : tiles.filter(Files::isRegularFile).toList()) {
        byte[] bytes = Files.readAllBytes(tile);
        bytes[0] ^= 0x01;
        Files.write(tile, bytes);
      }
    }
    assertThat(verify(reply, "--log", tampered.toString()))
        .as("tiles that do not hash to the roots")
        .isEqualTo(1);
  }

  private static void copyTree(Path from, Path to) throws Exception {
    try (var paths = Files.walk(from)) {
      for (Path p : paths.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else if (!p.getFileName().toString().startsWith(".")) {
          Files.copy(p, target);
        }
      }
    }
  }

  @Test
  void stream_lastChunkCarriesAttestation_namedEventOnRequest() throws Exception {
    String body =
        "{\"model\":\"mock-chat\",\"stream\":true,\"stream_options\":{\"include_usage\":true},"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"stream attest\"}]}";
    HttpResponse<String> response = gateway.postJson("/v1/chat/completions", body);
    List<String> data = Attested.dataLines(response.body());
    assertThat(data.getLast()).isEqualTo("[DONE]");
    String last = data.get(data.size() - 2);
    JsonObject att = Attested.of(last);
    assertThat(att.getBoolean("stream")).isTrue();
    assertThat(att.getJsonObject("usage").getInteger("total_tokens")).isPositive();
    StringBuilder content = new StringBuilder();
    for (String chunk : data.subList(0, data.size() - 2)) {
      content.append(chunk).append('\n');
    }
    content.append(Attested.strip(last)).append('\n');
    assertThat(digest(statement(att), "response")).isEqualTo(sha256(content.toString()));
    assertThat(verify(write("last-chunk.json", last))).isZero();

    HttpResponse<String> named =
        gateway.send(
            HttpRequest.newBuilder(URI.create(gateway.baseUrl() + "/chat/completions"))
                .header("Authorization", "Bearer " + gateway.demoKey())
                .header("Content-Type", "application/json")
                .header("X-SF-Attestation-Event", "1")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    assertThat(named.body())
        .contains("event: sf_attestation\ndata: {")
        .endsWith("data: [DONE]\n\n");
  }

  @Test
  void lookup_byRouteDecision_laterCheckpoint_ownerOnly() throws Exception {
    HttpResponse<String> response = gateway.postJson("/v1/chat/completions", CHAT);
    JsonObject original = Attested.of(response.body());
    String id = original.getString("route_decision_id");
    for (int i = 0; i < 3; i++) {
      gateway.postJson("/v1/chat/completions", CHAT);
    }
    // The lookup index is written in batches just after the response: allow it a moment.
    HttpResponse<String> found = lookup(id, gateway.demoKey());
    for (int i = 0; i < 40 && found.statusCode() == 404; i++) {
      Thread.sleep(50);
      found = lookup(id, gateway.demoKey());
    }
    assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
    JsonObject later = new JsonObject(found.body());
    assertThat(later.getJsonObject("envelope")).isEqualTo(original.getJsonObject("envelope"));
    assertThat(later.getLong("rekor_index")).isEqualTo(original.getLong("rekor_index"));
    assertThat(later.getJsonObject("inclusion_proof").getLong("tree_size"))
        .isGreaterThan(original.getJsonObject("inclusion_proof").getLong("tree_size"));
    assertThat(verify(write("later.json", found.body()))).isZero();

    String otherTenant = createTenantKey("lookup-other");
    assertThat(lookup(id, otherTenant).statusCode()).isEqualTo(404);
    assertThat(lookup("rd_unknown", gateway.demoKey()).statusCode()).isEqualTo(404);
  }

  private static HttpResponse<String> lookup(String id, String key) {
    return gateway.send(
        HttpRequest.newBuilder(URI.create(gateway.baseUrl() + "/attestations/" + id))
            .header("Authorization", "Bearer " + key)
            .build());
  }

  private static String createTenantKey(String name) {
    HttpResponse<String> tenant =
        gateway.send(
            HttpRequest.newBuilder(URI.create(gateway.adminOrigin() + "/admin/v1/tenants"))
                .header("Authorization", "Bearer " + gateway.adminToken())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + name + "\"}"))
                .build());
    String tenantId = new JsonObject(tenant.body()).getString("id");
    HttpResponse<String> key =
        gateway.send(
            HttpRequest.newBuilder(
                    URI.create(gateway.adminOrigin() + "/admin/v1/tenants/" + tenantId + "/keys"))
                .header("Authorization", "Bearer " + gateway.adminToken())
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
    return new JsonObject(key.body()).getString("key");
  }

  @Test
  void embeddings_areAttestedToo() {
    HttpResponse<String> response =
        gateway.postJson(
            "/v1/embeddings",
            "{\"model\":\"mock-embed\",\"input\":\"x\",\"encoding_format\":\"float\"}");
    assertThat(Attested.of(response.body()).getString("model")).isEqualTo("mock-embed");
    assertThat(new JsonObject(Attested.strip(response.body())).getString("object"))
        .isEqualTo("list");
  }

  @Test
  void log_servedReadOnlyAsTlogTiles() throws Exception {
    gateway.postJson("/v1/chat/completions", CHAT);
    HttpResponse<byte[]> checkpoint = get("/log/checkpoint");
    assertThat(checkpoint.statusCode()).isEqualTo(200);
    NoteVerifierKey key = NoteVerifierKey.parse(Files.readString(logKey).strip());
    long size;
    switch (Checkpoints.open(checkpoint.body(), key)) {
      case CheckpointVerification.Valid v -> size = v.signed().checkpoint().size();
      case CheckpointVerification.Invalid i -> throw new AssertionError(i.reason());
    }
    assertThat(size).isPositive();
    String tile = size >= 256 ? "tile/0/000" : "tile/0/000.p/" + size;
    HttpResponse<byte[]> hashes = get("/log/" + tile);
    assertThat(hashes.statusCode()).isEqualTo(200);
    assertThat(hashes.body()).hasSize((int) Math.min(size, 256) * 32);
    assertThat(get("/log/" + tile.replace("tile/0/", "tile/entries/")).statusCode()).isEqualTo(200);
    assertThat(get("/log/tile/0/000.p/" + (size + 1)).statusCode()).isEqualTo(404);
    assertThat(get("/log/tile/../../sovereign.db").statusCode()).isEqualTo(404);
    assertThat(get("/log/log.key").statusCode()).isEqualTo(404);
  }

  private static HttpResponse<byte[]> get(String path) throws Exception {
    return java.net.http.HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(gateway.origin() + path)).build(),
            HttpResponse.BodyHandlers.ofByteArray());
  }

  private static JsonObject statement(JsonObject att) {
    String payload = att.getJsonObject("envelope").getString("payload");
    return new JsonObject(new String(Base64.getDecoder().decode(payload), StandardCharsets.UTF_8));
  }

  private static String digest(JsonObject statement, String name) {
    for (Object o : statement.getJsonArray("subject")) {
      JsonObject s = (JsonObject) o;
      if (s.getString("name").equals(name)) {
        return s.getJsonObject("digest").getString("sha256");
      }
    }
    throw new AssertionError("no subject " + name);
  }

  private static String sha256(String text) throws Exception {
    return HexFormat.of()
        .formatHex(
            MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
  }
}
