package io.sovereignrouter.gateway.provider;

import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * OAuth2 bearer tokens for Google APIs from a service-account JSON, by google-auth-library. The
 * token is reused until five minutes before it expires; refreshing does blocking HTTP to the
 * account's {@code token_uri}, so it runs on a worker thread.
 */
final class GoogleAccessTokens {
  static final String SCOPE = "https://www.googleapis.com/auth/cloud-platform";
  private static final long REFRESH_MARGIN_MS = 5 * 60_000;
  private final Vertx vertx;
  private final GoogleCredentials credentials;
  private final String providerId;

  GoogleAccessTokens(String providerId, Vertx vertx, String serviceAccountJson) {
    this.providerId = providerId;
    this.vertx = vertx;
    try {
      this.credentials =
          GoogleCredentials.fromStream(
                  new ByteArrayInputStream(serviceAccountJson.getBytes(StandardCharsets.UTF_8)))
              .createScoped(List.of(SCOPE));
    } catch (IOException | RuntimeException e) {
      throw new io.sovereignrouter.gateway.config.ConfigException(
          "provider "
              + providerId
              + ": the service-account JSON could not be loaded ("
              + e.getClass().getSimpleName()
              + ")");
    }
  }

  /** A valid bearer token; fails with a provider failure when the token endpoint does. */
  Future<String> token() {
    AccessToken current = credentials.getAccessToken();
    if (current != null
        && current.getExpirationTime() != null
        && current.getExpirationTime().getTime() - System.currentTimeMillis() > REFRESH_MARGIN_MS) {
      return Future.succeededFuture(current.getTokenValue());
    }
    return vertx.executeBlocking(
        () -> {
          try {
            credentials.refreshIfExpired();
            AccessToken fresh = credentials.getAccessToken();
            if (fresh == null
                || fresh.getExpirationTime() == null
                || fresh.getExpirationTime().getTime() - System.currentTimeMillis()
                    <= REFRESH_MARGIN_MS) {
              credentials.refresh();
              fresh = credentials.getAccessToken();
            }
            return fresh.getTokenValue();
          } catch (IOException e) {
            throw ProviderFailure.status(providerId, 401, io.vertx.core.buffer.Buffer.buffer());
          }
        },
        false);
  }
}
