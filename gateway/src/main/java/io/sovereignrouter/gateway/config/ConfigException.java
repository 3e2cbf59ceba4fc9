package io.sovereignrouter.gateway.config;

/**
 * The configuration file or a command-line override is invalid; the message says which key and why.
 */
public final class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message which setting is wrong, expected vs seen
   */
  public ConfigException(String message) {
    super(message);
  }

  /**
   * @param message which setting is wrong
   * @param cause the parser's error
   */
  public ConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
