package io.sovereignrouter.gateway.tenancy;

/** Outcome of resolving a bearer token: a closed set the caller must switch on. */
public sealed interface Authentication {

  /**
   * The key is valid and its tenant may make requests.
   *
   * @param tenant the owner
   * @param key the matched key record
   */
  record Authenticated(Tenant tenant, TenantKey key) implements Authentication {}

  /**
   * The request must be refused.
   *
   * @param reason why, without any part of the presented secret
   */
  record Rejected(RejectReason reason) implements Authentication {}

  /** Why a request was refused. */
  enum RejectReason {
    /** No {@code Authorization: Bearer} header. */
    MISSING,
    /** Malformed, unknown, or wrong secret: indistinguishable to the caller on purpose. */
    INVALID,
    /** The key was valid but has been revoked. */
    REVOKED,
    /** The tenant is suspended by an operator. */
    TENANT_SUSPENDED
  }
}
