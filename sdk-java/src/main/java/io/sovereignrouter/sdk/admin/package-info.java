/**
 * Client for the gateway's admin API (the admin listener, {@code Authorization: Bearer <admin
 * token>}): tenants, tenant keys (issue, revoke, rotate) and providers with their health. Errors
 * (RFC 9457 problem details) arrive as the same {@link io.sovereignrouter.sdk.ApiException}
 * subclasses as on the data plane. Changes the gateway records in its audit log come back as {@link
 * io.sovereignrouter.sdk.admin.Audited} with the entry's log index.
 *
 * <p>Key secrets appear only in {@link io.sovereignrouter.sdk.admin.IssuedKey#apiKey()}, never in a
 * {@code toString}.
 */
package io.sovereignrouter.sdk.admin;
