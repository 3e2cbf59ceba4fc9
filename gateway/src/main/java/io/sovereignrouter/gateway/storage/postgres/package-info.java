/**
 * The PostgreSQL backend ({@code storage.backend: postgres}): N gateway replicas share one
 * database.
 *
 * <ul>
 *   <li>{@link io.sovereignrouter.gateway.storage.postgres.PostgresDatabase} owns the pooled Vert.x
 *       client and applies {@code db/postgres/V<n>__<name>.sql} on start ({@link
 *       io.sovereignrouter.gateway.storage.postgres.PostgresMigrations}): one transaction under an
 *       advisory lock, every script recorded with its SHA-256 in {@code schema_migrations}; an
 *       applied script that changed, or an unknown newer version, stops the start.
 *   <li>Advisory lock keys live in {@link
 *       io.sovereignrouter.gateway.storage.postgres.AdvisoryLocks}.
 * </ul>
 *
 * <p>All access is asynchronous; code that must block (the log sequencer) waits on futures from its
 * own thread, never from an event loop. Passwords come from the keystore chain and never appear in
 * configs, logs or errors.
 */
package io.sovereignrouter.gateway.storage.postgres;
