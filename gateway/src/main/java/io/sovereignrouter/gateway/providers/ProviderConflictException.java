package io.sovereignrouter.gateway.providers;

/** A provider with that id already exists (stored, or defined in the config file). */
public final class ProviderConflictException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message what conflicts
   */
  public ProviderConflictException(String message) {
    super(message, null, false, false);
  }
}
