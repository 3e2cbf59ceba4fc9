package io.sovereignrouter.gateway.providers;

import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;

/**
 * Providers managed through the admin API, shared by every replica (SQLite embedded, PostgreSQL
 * scale-out). Replicas notice changes by polling {@link #version}.
 */
public interface ProviderRepository {
  /** All stored providers, by id. */
  Future<List<StoredProvider>> all();

  /** Inserts; fails with {@link ProviderConflictException} when the id is taken. */
  Future<StoredProvider> create(String id, String configJson);

  /** Replaces; empty when there is no such provider. */
  Future<Optional<StoredProvider>> replace(String id, String configJson);

  /** Deletes; false when there was no such provider. */
  Future<Boolean> delete(String id);

  /** Changes whenever the stored set changes (count and latest update). */
  Future<String> version();
}
