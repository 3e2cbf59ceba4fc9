package io.sovereignrouter.gateway.metrics;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.sovereignrouter.gateway.config.TelemetryConfig;
import io.sovereignrouter.gateway.routing.Attempt;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * OpenTelemetry traces of finished requests: one server span per request with a child span per
 * pipeline stage and per provider attempt, built when the request ends from the timings it recorded
 * (so no trace context has to travel through the asynchronous stages). Attributes follow the GenAI
 * semantic conventions; ids and fingerprints only — never keys, prompts or completions.
 */
public final class Tracing implements AutoCloseable {
  private static final AttributeKey<String> OPERATION =
      AttributeKey.stringKey("gen_ai.operation.name");
  private static final AttributeKey<String> PROVIDER =
      AttributeKey.stringKey("gen_ai.provider.name");
  private static final AttributeKey<String> REQUEST_MODEL =
      AttributeKey.stringKey("gen_ai.request.model");
  private static final AttributeKey<String> RESPONSE_MODEL =
      AttributeKey.stringKey("gen_ai.response.model");
  private static final AttributeKey<Long> INPUT_TOKENS =
      AttributeKey.longKey("gen_ai.usage.input_tokens");
  private static final AttributeKey<Long> OUTPUT_TOKENS =
      AttributeKey.longKey("gen_ai.usage.output_tokens");
  private static final AttributeKey<Long> STATUS =
      AttributeKey.longKey("http.response.status_code");

  private final SdkTracerProvider provider;
  private final Tracer tracer;
  private final long epochOffsetNanos;

  private Tracing(SdkTracerProvider provider) {
    this.provider = provider;
    this.tracer = provider == null ? null : provider.get("io.sovereignrouter.gateway");
    // Stage timings are monotonic; spans need wall-clock epoch nanoseconds.
    this.epochOffsetNanos =
        TimeUnit.MILLISECONDS.toNanos(System.currentTimeMillis()) - System.nanoTime();
  }

  /** Traces as configured: off without an OTLP endpoint. */
  public static Tracing create(TelemetryConfig config) {
    return config
        .endpoint()
        .map(
            endpoint ->
                new Tracing(
                    SdkTracerProvider.builder()
                        .setResource(
                            Resource.getDefault()
                                .merge(
                                    Resource.create(
                                        Attributes.of(
                                            AttributeKey.stringKey("service.name"),
                                            config.serviceName()))))
                        .setSampler(Sampler.traceIdRatioBased(config.sampleRatio()))
                        .addSpanProcessor(
                            BatchSpanProcessor.builder(
                                    OtlpHttpSpanExporter.builder()
                                        .setEndpoint(endpoint.toString())
                                        .setTimeout(Duration.ofSeconds(5))
                                        .build())
                                .setScheduleDelay(Duration.ofMillis(500))
                                .build())
                        .build()))
        .orElseGet(() -> new Tracing(null));
  }

  /** Whether spans are exported. */
  public boolean enabled() {
    return provider != null;
  }

  /** Exports the spans of one finished request. */
  public void export(RequestRecord r, long startNanos, List<StageTiming> stages) {
    if (provider == null) {
      return;
    }
    long end = startNanos + r.durationNanos();
    Span root =
        tracer
            .spanBuilder(r.endpoint())
            .setSpanKind(SpanKind.SERVER)
            .setStartTimestamp(epoch(startNanos), TimeUnit.NANOSECONDS)
            .setAttribute(OPERATION, operation(r.endpoint()))
            .setAttribute(REQUEST_MODEL, r.model())
            .setAttribute(PROVIDER, r.provider())
            .setAttribute(STATUS, (long) r.status())
            .setAttribute(INPUT_TOKENS, r.inputTokens())
            .setAttribute(OUTPUT_TOKENS, r.outputTokens())
            .setAttribute("sovereign.tenant.id", r.tenantId())
            .setAttribute("sovereign.key.fingerprint", r.keyFingerprint())
            .setAttribute("sovereign.policy.id", r.policyId())
            .setAttribute("sovereign.route_decision_id", r.routeDecisionId())
            .setAttribute("sovereign.log_index", r.logIndex())
            .startSpan();
    if (r.status() >= 500) {
      root.setStatus(StatusCode.ERROR);
    }
    Context parent = Context.root().with(root);
    long walkStart = startNanos;
    for (StageTiming s : stages) {
      child(parent, "sovereign." + s.stage(), s.startNanos(), s.endNanos())
          .end(epoch(s.endNanos()), TimeUnit.NANOSECONDS);
      if (s.stage().equals("admission")) {
        walkStart = s.endNanos();
      }
    }
    // Attempts run one after another from the end of admission; each lasted its duration.
    long at = walkStart;
    for (Attempt a : r.attempts()) {
      long attemptEnd = Math.min(end, at + TimeUnit.MILLISECONDS.toNanos(a.durationMs()));
      Span span =
          child(parent, "sovereign.attempt " + a.providerId(), at, attemptEnd)
              .setAttribute(PROVIDER, a.providerId())
              .setAttribute(RESPONSE_MODEL, a.model())
              .setAttribute(STATUS, (long) a.status())
              .setAttribute(
                  "sovereign.attempt.outcome", a.outcome().name().toLowerCase(Locale.ROOT))
              .setAttribute("sovereign.attempt.ttfb_ms", a.ttfbMs());
      if (a.outcome() != Attempt.Outcome.OK) {
        span.setStatus(StatusCode.ERROR, a.errorClass());
      }
      span.end(epoch(attemptEnd), TimeUnit.NANOSECONDS);
      at = attemptEnd;
    }
    root.end(epoch(end), TimeUnit.NANOSECONDS);
  }

  private Span child(Context parent, String name, long start, long end) {
    return tracer
        .spanBuilder(name)
        .setParent(parent)
        .setStartTimestamp(epoch(start), TimeUnit.NANOSECONDS)
        .startSpan();
  }

  private long epoch(long monotonic) {
    return monotonic + epochOffsetNanos;
  }

  private static String operation(String endpoint) {
    return switch (endpoint) {
      case "chat.completions" -> "chat";
      case "embeddings" -> "embeddings";
      default -> endpoint;
    };
  }

  /** Flushes and stops the exporter. */
  @Override
  public void close() {
    if (provider != null) {
      provider.shutdown().join(5, TimeUnit.SECONDS);
    }
  }
}
