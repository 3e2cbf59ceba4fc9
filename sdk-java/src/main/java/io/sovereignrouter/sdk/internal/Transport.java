package io.sovereignrouter.sdk.internal;

import io.sovereignrouter.sdk.ApiException;
import io.sovereignrouter.sdk.RequestOptions;
import io.sovereignrouter.sdk.ResponseMeta;
import io.sovereignrouter.sdk.RetryPolicy;
import io.sovereignrouter.sdk.SovereignConnectionException;
import io.sovereignrouter.sdk.SovereignException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Sends requests to one gateway listener with a bearer credential, maps error answers to typed
 * exceptions and retries what {@link RetryPolicy} allows. Every attempt of one call carries the
 * same {@code X-Request-Id}, so the gateway's records of the retries correlate.
 */
public final class Transport {
  private static final String USER_AGENT = "sovereign-sdk-java/0.1.0";
  private static final SecureRandom RANDOM = new SecureRandom();
  private final HttpClient http;
  private final URI base;
  private final String authorization;
  private final Duration timeout;
  private final RetryPolicy retry;

  /**
   * @param http the JDK client
   * @param base listener origin, e.g. {@code http://127.0.0.1:8080}
   * @param bearer API key or admin token (kept out of every message)
   * @param timeout default request timeout
   * @param retry retry policy
   */
  public Transport(HttpClient http, URI base, String bearer, Duration timeout, RetryPolicy retry) {
    this.http = http;
    String b = base.toString();
    this.base = URI.create(b.endsWith("/") ? b.substring(0, b.length() - 1) : b);
    this.authorization = "Bearer " + bearer;
    this.timeout = timeout;
    this.retry = retry;
  }

  /**
   * A successful answer.
   *
   * @param meta headers
   * @param body UTF-8 body
   */
  public record Reply(ResponseMeta meta, String body) {}

  /**
   * An open stream: status 200 and its unread body.
   *
   * @param meta headers
   * @param body the event stream (the caller closes it)
   */
  public record Opened(ResponseMeta meta, InputStream body) {}

  /** The origin requests go to. */
  public URI base() {
    return base;
  }

  /** Sends and completes with a 2xx answer, or fails with a {@link SovereignException}. */
  public CompletableFuture<Reply> sendAsync(
      String method, String path, byte[] body, RequestOptions options) {
    HttpRequest request = request(method, path, body, options, false);
    return attempt(request, 1);
  }

  /** {@link #sendAsync} for the calling thread. */
  public Reply send(String method, String path, byte[] body, RequestOptions options) {
    return join(sendAsync(method, path, body, options));
  }

  /** Waits for a future, rethrowing its {@link SovereignException} as is. */
  public static <T> T join(CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof SovereignException s) {
        throw s;
      }
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw e;
    }
  }

  private CompletableFuture<Reply> attempt(HttpRequest request, int number) {
    return http.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
        .handle(
            (response, thrown) -> {
              SovereignException failure;
              if (thrown != null) {
                failure = connectionFailure(request, unwrap(thrown));
              } else {
                ResponseMeta meta = Headers.meta(response.statusCode(), response.headers());
                if (response.statusCode() / 100 == 2) {
                  return CompletableFuture.completedFuture(new Reply(meta, response.body()));
                }
                failure = Errors.of(meta, response.body());
              }
              Optional<Duration> delay = delayBefore(number, failure);
              if (delay.isEmpty()) {
                return CompletableFuture.<Reply>failedFuture(failure);
              }
              return CompletableFuture.supplyAsync(
                      () -> attempt(request, number + 1),
                      CompletableFuture.delayedExecutor(
                          delay.get().toMillis(), TimeUnit.MILLISECONDS))
                  .thenCompose(f -> f);
            })
        .thenCompose(f -> f);
  }

  /**
   * Opens an event stream, retrying only until its status line: once a byte of the stream has been
   * read, nothing is sent again.
   */
  public Opened open(String path, byte[] body, RequestOptions options) {
    HttpRequest request = request("POST", path, body, options, true);
    for (int number = 1; ; number++) {
      SovereignException failure;
      try {
        HttpResponse<InputStream> response =
            http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        ResponseMeta meta = Headers.meta(response.statusCode(), response.headers());
        if (response.statusCode() == 200) {
          return new Opened(meta, response.body());
        }
        String text;
        try (InputStream in = response.body()) {
          text = new String(in.readNBytes(1 << 20), StandardCharsets.UTF_8);
        }
        failure = Errors.of(meta, text);
      } catch (IOException e) {
        failure = connectionFailure(request, e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SovereignConnectionException("interrupted while opening the stream", e);
      }
      Optional<Duration> delay = delayBefore(number, failure);
      if (delay.isEmpty()) {
        throw failure;
      }
      try {
        Thread.sleep(delay.get());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw failure;
      }
    }
  }

  /** The wait before the next attempt, or empty to give up with {@code failure}. */
  Optional<Duration> delayBefore(int attemptsMade, SovereignException failure) {
    if (attemptsMade > retry.maxRetries()) {
      return Optional.empty();
    }
    if (failure instanceof ApiException api) {
      if (!retry.retryable(api.status())) {
        return Optional.empty();
      }
      Optional<Duration> asked = api.retryAfter();
      if (asked.isPresent()) {
        return asked.get().compareTo(retry.maxRetryAfter()) <= 0 ? asked : Optional.empty();
      }
    } else if (!(failure instanceof SovereignConnectionException)) {
      return Optional.empty();
    }
    long backoff = retry.backoff(attemptsMade).toMillis();
    // Full jitter over the upper half, so clients that failed together do not retry together.
    long jittered = backoff / 2 + ThreadLocalRandom.current().nextLong(backoff / 2 + 1);
    return Optional.of(Duration.ofMillis(jittered));
  }

  private HttpRequest request(
      String method, String path, byte[] body, RequestOptions options, boolean stream) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(options.timeout().orElse(timeout))
            .header("Authorization", authorization)
            .header("User-Agent", USER_AGENT)
            .header("Accept", stream ? "text/event-stream" : "application/json")
            .header("X-Request-Id", options.requestId().orElseGet(Transport::requestId));
    options.policy().ifPresent(p -> b.header("X-SF-Policy", p));
    for (Map.Entry<String, String> h : options.headers().entrySet()) {
      b.header(h.getKey(), h.getValue());
    }
    if (body == null) {
      b.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      b.header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
    }
    return b.build();
  }

  private static String requestId() {
    byte[] b = new byte[12];
    RANDOM.nextBytes(b);
    return "req_" + HexFormat.of().formatHex(b);
  }

  private static SovereignConnectionException connectionFailure(HttpRequest r, Throwable e) {
    // The URI path only: no query, no credential.
    return new SovereignConnectionException(
        r.method() + " " + r.uri().getPath() + " failed: " + e.getClass().getSimpleName(), e);
  }

  private static Throwable unwrap(Throwable t) {
    return t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
  }
}
