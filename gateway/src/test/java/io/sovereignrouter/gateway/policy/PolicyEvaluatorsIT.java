package io.sovereignrouter.gateway.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.sovereignrouter.gateway.config.PolicyConfig;
import io.sovereignrouter.policy.Decision;
import io.sovereignrouter.policy.PolicyInput;
import io.sovereignrouter.policy.PolicyJson;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shared decision vectors ({@code policies/testdata/decision_vectors.json}, also run by {@code
 * opa test} and the policy module) through both gateway evaluators: the Vert.x Web Client against a
 * real {@code opa run --server} on loopback, and the embedded wasm engine on the {@code policy}
 * worker pool. Plus every way the server engine can fail to decide.
 */
@ExtendWith(VertxExtension.class)
class PolicyEvaluatorsIT {
  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

  private static OpaServerProcess opa;
  private static PolicyEvaluator server;
  private static PolicyEvaluator embedded;

  /** One vector: the typed input and the decision it must produce. */
  record Vector(String name, PolicyInput input, Decision want) {
    @Override
    public String toString() {
      return name;
    }
  }

  @BeforeAll
  static void start(Vertx vertx) throws Exception {
    opa = OpaServerProcess.start();
    server =
        PolicyEvaluators.create(
            vertx, new PolicyConfig(PolicyConfig.Engine.SERVER, opa.base(), 5_000L, null, null));
    // No cache: every vector is really evaluated.
    embedded =
        PolicyEvaluators.create(
            vertx, new PolicyConfig(PolicyConfig.Engine.EMBEDDED, null, null, 2, 0));
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      server.close().await(10, TimeUnit.SECONDS);
    }
    if (embedded != null) {
      embedded.close().await(10, TimeUnit.SECONDS);
    }
    if (opa != null) {
      opa.close();
    }
  }

  static Stream<Arguments> vectors() throws IOException {
    JsonNode root =
        JSON.readTree(
            OpaServerProcess.repoRoot()
                .resolve("policies/testdata/decision_vectors.json")
                .toFile());
    List<Arguments> out = new ArrayList<>();
    for (JsonNode v : root.get("decision_vectors")) {
      String name = v.get("name").textValue();
      out.add(
          Arguments.of(
              name,
              new Vector(
                  name,
                  PolicyJson.parseInput(JSON.writeValueAsString(v.get("input"))),
                  PolicyJson.parseDecision(JSON.writeValueAsString(v.get("want"))))));
    }
    assertThat(out).hasSizeGreaterThanOrEqualTo(30);
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void decide_bothEngines_matchVector(String name, Vector v) throws Exception {
    Decision viaServer = server.decide(v.input()).await(10, TimeUnit.SECONDS);
    Decision viaEmbedded = embedded.decide(v.input()).await(10, TimeUnit.SECONDS);
    assertThat(viaServer).as("server: " + name).isEqualTo(v.want());
    assertThat(viaEmbedded).as("embedded: " + name).isEqualTo(v.want());
  }

  @Test
  void engines_nameThemselves() {
    assertThat(server.engine()).isEqualTo("server");
    assertThat(server.policyDigest()).isEmpty();
    assertThat(embedded.engine()).isEqualTo("embedded");
    assertThat(embedded.policyDigest())
        .hasValueSatisfying(d -> assertThat(d).startsWith("sha256:"));
  }

  @Test
  void evaluate_undefinedRule_failsUndefined(VertxTestContext ctx) throws Exception {
    PolicyInput input = anyInput();
    server
        .evaluate("sovereign/route/no_such_rule", input)
        .onComplete(
            ctx.failing(
                e ->
                    ctx.verify(
                        () -> {
                          assertKind(e, PolicyEngineException.Kind.UNDEFINED);
                          ctx.completeNow();
                        })));
  }

  @Test
  void evaluate_serverDown_failsUnavailable(Vertx vertx, VertxTestContext ctx) throws Exception {
    OpaClient client =
        WebOpaClient.create(
            vertx,
            URI.create("http://127.0.0.1:" + OpaServerProcess.freePort()),
            Duration.ofSeconds(2));
    new ServerPolicyEvaluator(client)
        .decide(anyInput())
        .onComplete(
            ctx.failing(
                e ->
                    ctx.verify(
                        () -> {
                          assertKind(e, PolicyEngineException.Kind.UNAVAILABLE);
                          client.close();
                          ctx.completeNow();
                        })));
  }

  @Test
  void evaluate_serverSlow_failsTimeout(Vertx vertx, VertxTestContext ctx) throws Exception {
    // Accepts the request and never answers.
    HttpServer silent =
        vertx
            .createHttpServer()
            .requestHandler(r -> {})
            .listen(0, "127.0.0.1")
            .await(5, TimeUnit.SECONDS);
    OpaClient client =
        WebOpaClient.create(
            vertx, URI.create("http://127.0.0.1:" + silent.actualPort()), Duration.ofMillis(300));
    long start = System.nanoTime();
    new ServerPolicyEvaluator(client)
        .decide(anyInput())
        .onComplete(
            ctx.failing(
                e ->
                    ctx.verify(
                        () -> {
                          assertKind(e, PolicyEngineException.Kind.TIMEOUT);
                          assertThat(System.nanoTime() - start)
                              .isLessThan(TimeUnit.SECONDS.toNanos(5));
                          client.close();
                          silent.close();
                          ctx.completeNow();
                        })));
  }

  @Test
  void evaluate_non200_failsStatusWithoutBody(Vertx vertx, VertxTestContext ctx) throws Exception {
    HttpServer failing =
        fakeOpa(vertx, 500, "{\"code\":\"internal_error\",\"message\":\"secret-ish\"}");
    OpaClient client =
        WebOpaClient.create(
            vertx, URI.create("http://127.0.0.1:" + failing.actualPort()), Duration.ofSeconds(2));
    new ServerPolicyEvaluator(client)
        .decide(anyInput())
        .onComplete(
            ctx.failing(
                e ->
                    ctx.verify(
                        () -> {
                          assertKind(e, PolicyEngineException.Kind.STATUS);
                          assertThat(e.getMessage()).contains("500").doesNotContain("secret-ish");
                          client.close();
                          failing.close();
                          ctx.completeNow();
                        })));
  }

  @Test
  void evaluate_resultNotADecision_failsMalformed(Vertx vertx, VertxTestContext ctx)
      throws Exception {
    HttpServer odd = fakeOpa(vertx, 200, "{\"result\":{\"allow\":true}}");
    OpaClient client =
        WebOpaClient.create(
            vertx, URI.create("http://127.0.0.1:" + odd.actualPort()), Duration.ofSeconds(2));
    new ServerPolicyEvaluator(client)
        .decide(anyInput())
        .onComplete(
            ctx.failing(
                e ->
                    ctx.verify(
                        () -> {
                          assertKind(e, PolicyEngineException.Kind.MALFORMED);
                          client.close();
                          odd.close();
                          ctx.completeNow();
                        })));
  }

  @Test
  void evaluate_embeddedUnknownRule_failsEngine(VertxTestContext ctx) throws Exception {
    embedded
        .evaluate("sovereign/route/no_such_rule", anyInput())
        .onComplete(
            ctx.failing(
                e ->
                    ctx.verify(
                        () -> {
                          assertKind(e, PolicyEngineException.Kind.ENGINE);
                          ctx.completeNow();
                        })));
  }

  private static HttpServer fakeOpa(Vertx vertx, int status, String body) throws Exception {
    return vertx
        .createHttpServer()
        .requestHandler(
            r ->
                r.response()
                    .setStatusCode(status)
                    .putHeader("Content-Type", "application/json")
                    .end(body))
        .listen(0, "127.0.0.1")
        .await(5, TimeUnit.SECONDS);
  }

  private static void assertKind(Throwable e, PolicyEngineException.Kind kind) {
    assertThat(e).isInstanceOf(PolicyEngineException.class);
    assertThat(((PolicyEngineException) e).kind()).as(e.getMessage()).isEqualTo(kind);
  }

  private static PolicyInput anyInput() throws IOException {
    return vectors().findFirst().map(a -> ((Vector) a.get()[1]).input()).orElseThrow();
  }
}
