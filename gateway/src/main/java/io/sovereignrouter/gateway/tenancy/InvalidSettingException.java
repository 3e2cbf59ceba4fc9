package io.sovereignrouter.gateway.tenancy;

/** A tenant setting failed validation; names the offending field in wire (snake_case) form. */
public final class InvalidSettingException extends TenancyException {
  private static final long serialVersionUID = 1L;
  private final String field;

  /**
   * @param field the wire name, e.g. {@code spend_cap.usd}
   * @param problem what is wrong with it
   */
  public InvalidSettingException(String field, String problem) {
    super(field + " " + problem);
    this.field = field;
  }

  /** The offending field. */
  public String field() {
    return field;
  }
}
