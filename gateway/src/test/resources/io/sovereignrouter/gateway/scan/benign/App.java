package com.example.app;

import java.security.MessageDigest;
import java.util.UUID;

/** Example service: reads credentials from the environment, never from source. */
public final class App {
  private static final String API_KEY_ENV = "PAYMENTS_API_KEY";
  private static final String TOKEN_HEADER = "Authorization";

  public static void main(String[] args) throws Exception {
    String apiKey = System.getenv(API_KEY_ENV);
    String password = System.getenv("DB_PASSWORD");
    String secret = config.getSecret("stripe.secret");
    String token = request.header(TOKEN_HEADER).substring("Bearer ".length());
    UUID requestId = UUID.fromString("3f2b8c1e-9d4a-4e6b-8f7c-2a1d0e9b8c7f");
    byte[] digest = MessageDigest.getInstance("SHA-256").digest(password.getBytes());
    boolean ok = passwordEncoder.matches(password, user.passwordHash());
    String accessToken = tokenService.issue(user, Duration.ofMinutes(15));
    log.info("issued token for {} (request {})", user.id(), requestId);
  }
}
