package io.sovereignrouter.sdk.internal;

import io.sovereignrouter.attestation.TilePath;
import io.sovereignrouter.sdk.LogSource;
import io.sovereignrouter.sdk.SovereignConnectionException;
import io.sovereignrouter.sdk.SovereignProtocolException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * The gateway's public, read-only log ({@code GET /log/checkpoint}, {@code GET /log/tile/…}, C2SP
 * tlog-tiles). Sends no credential: the log is public.
 */
public final class HttpLogSource implements LogSource {
  // Bounds what one fetch may buffer: a full hash tile is 8 KiB; entry bundles are larger.
  private static final int MAX_BYTES = 64 << 20;
  private final HttpClient http;
  private final String base;
  private final Duration timeout;

  /**
   * @param http the JDK client
   * @param origin the data-plane origin
   * @param timeout per-request timeout
   */
  public HttpLogSource(HttpClient http, URI origin, Duration timeout) {
    this.http = http;
    this.base = origin + "/log/";
    this.timeout = timeout;
  }

  @Override
  public byte[] checkpoint() {
    return get("checkpoint")
        .orElseThrow(() -> new SovereignProtocolException("the log has no checkpoint"));
  }

  @Override
  public Optional<byte[]> tile(TilePath path) {
    return get(path.format());
  }

  private Optional<byte[]> get(String path) {
    try {
      HttpResponse<InputStream> r =
          http.send(
              HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout).GET().build(),
              HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream in = r.body()) {
        if (r.statusCode() == 404) {
          return Optional.empty();
        }
        if (r.statusCode() != 200) {
          throw new SovereignProtocolException("GET /log/" + path + ": status " + r.statusCode());
        }
        byte[] body = in.readNBytes(MAX_BYTES + 1);
        if (body.length > MAX_BYTES) {
          throw new SovereignProtocolException("GET /log/" + path + ": answer too large");
        }
        return Optional.of(body);
      }
    } catch (IOException e) {
      throw new SovereignConnectionException("GET /log/" + path + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SovereignConnectionException("interrupted reading the log", e);
    }
  }
}
