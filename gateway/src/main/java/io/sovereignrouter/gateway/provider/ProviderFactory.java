package io.sovereignrouter.gateway.provider;

import io.sovereignrouter.gateway.config.ProviderConfig;
import io.vertx.core.Vertx;

/** Builds the adapter for a provider's configured type. */
public final class ProviderFactory {
  /** Pooled connections per upstream host for HTTP adapters. */
  static final int MAX_CONNECTIONS = 256;

  private final Vertx vertx;
  private final Credentials credentials;

  /**
   * @param vertx owner of timers and HTTP clients
   * @param credentials resolves credential references
   */
  public ProviderFactory(Vertx vertx, Credentials credentials) {
    this.vertx = vertx;
    this.credentials = credentials;
  }

  /**
   * Checks that a provider can run: its credential reference, if any, resolves (whatever the type
   * does with it) and its adapter builds. Builds nothing that stays open.
   *
   * @throws io.sovereignrouter.gateway.config.ConfigException naming what does not resolve
   */
  public void check(ProviderConfig config) {
    config.credentialRef().ifPresent(ref -> credentials.resolve(config.id(), ref));
    create(config).close();
  }

  /** Creates the adapter; resolves its credential now so a missing key fails the start. */
  public ProviderAdapter create(ProviderConfig config) {
    return switch (config.type()) {
      case MOCK -> new MockProvider(config.id(), vertx, config.mock(), config.timeouts());
      case ANTHROPIC ->
          new AnthropicProvider(
              config.id(),
              vertx,
              config.baseUrl(),
              credentials.resolve(config.id(), config.credentialRef().orElseThrow()),
              config.headers(),
              config.timeouts(),
              MAX_CONNECTIONS);
      case OLLAMA ->
          new OllamaProvider(
              config.id(),
              vertx,
              config.baseUrl(),
              config.headers(),
              config.timeouts(),
              MAX_CONNECTIONS);
      case BEDROCK ->
          new BedrockProvider(
              config.id(),
              vertx,
              config.baseUrl(),
              new SigV4Signer(
                  credentials.resolve(config.id(), config.aws().accessKeyId()),
                  credentials.resolve(config.id(), config.aws().secretAccessKey()),
                  config.aws().sessionTokenRef().map(ref -> credentials.resolve(config.id(), ref)),
                  config.aws().region(),
                  "bedrock"),
              config.timeouts(),
              MAX_CONNECTIONS);
      case VERTEX ->
          new VertexProvider(
              config.id(),
              vertx,
              config.baseUrl(),
              config.gcp(),
              new GoogleAccessTokens(
                  config.id(), vertx, credentials.resolve(config.id(), config.gcp().credentials())),
              config.timeouts(),
              MAX_CONNECTIONS);
      case OPENAI_COMPATIBLE, OPENAI, VLLM ->
          new OpenAiCompatibleProvider(
              config.id(),
              vertx,
              config.baseUrl(),
              config.credentialRef().map(ref -> credentials.resolve(config.id(), ref)),
              config.headers(),
              config.timeouts(),
              MAX_CONNECTIONS);
    };
  }
}
