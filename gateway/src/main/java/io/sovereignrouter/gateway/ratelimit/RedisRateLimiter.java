package io.sovereignrouter.gateway.ratelimit;

import io.vertx.core.Future;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The shared limiter for replicas: one Lua script per admission makes check-and-count atomic on the
 * Redis server. Counter keys carry the tenant in a hash tag, so a request's counters share a Redis
 * Cluster slot, and the window index, so they expire on their own.
 */
public final class RedisRateLimiter implements RateLimiter {
  private static final String SCRIPT = load("/ratelimit/admit.lua");
  private static final String ADJUST =
      "if redis.call('EXISTS', KEYS[1]) == 1 then redis.call('INCRBY', KEYS[1], ARGV[1]) end";
  private static final long TTL_MILLIS = 2 * WINDOW_MILLIS;
  private final Redis redis;
  private final RedisAPI api;
  private final String prefix;

  /**
   * @param redis a connected client (closed by {@link #close})
   * @param prefix namespace for counter keys, so gateways sharing a Redis can be kept apart
   */
  public RedisRateLimiter(Redis redis, String prefix) {
    this.redis = redis;
    this.api = RedisAPI.api(redis);
    this.prefix = prefix;
  }

  @Override
  public Future<RateVerdict> admit(List<RateBucket> buckets, long tokens, Instant now) {
    long window = RateLimiter.windowOf(now);
    List<String> args = new ArrayList<>();
    args.add(SCRIPT);
    args.add(Integer.toString(buckets.size() * 2));
    for (RateBucket b : buckets) {
      args.add(key(b, window, "r"));
      args.add(key(b, window, "t"));
    }
    args.add(Long.toString(tokens));
    args.add(Long.toString(TTL_MILLIS));
    for (RateBucket b : buckets) {
      args.add(Long.toString(b.requestsPerMinute().orElse(-1)));
      args.add(Long.toString(b.tokensPerMinute().orElse(-1)));
    }
    return api.eval(args)
        .map(
            reply -> {
              long[][] counts = new long[buckets.size()][2];
              for (int i = 0; i < buckets.size(); i++) {
                counts[i][0] = reply.get(1 + 2 * i).toLong();
                counts[i][1] = reply.get(2 + 2 * i).toLong();
              }
              boolean admitted = reply.get(0).toInteger() == 1;
              return Windows.verdict(admitted, buckets, counts, window, now);
            });
  }

  @Override
  public Future<Void> adjustTokens(List<RateBucket> buckets, long window, long delta) {
    List<Future<Response>> updates = new ArrayList<>();
    for (RateBucket b : buckets) {
      if (b.tokensPerMinute().isPresent()) {
        // Only while the window's counter lives: an INCRBY on an expired key would recreate it
        // without a TTL.
        updates.add(api.eval(List.of(ADJUST, "1", key(b, window, "t"), Long.toString(delta))));
      }
    }
    return Future.all(updates).mapEmpty();
  }

  private String key(RateBucket b, long window, String counter) {
    return prefix + ":rl:{" + b.scope() + "}:" + b.id() + ":" + window + ":" + counter;
  }

  @Override
  public void close() {
    redis.close();
  }

  private static String load(String resource) {
    try (InputStream in = RedisRateLimiter.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
