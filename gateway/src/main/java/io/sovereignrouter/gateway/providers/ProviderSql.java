package io.sovereignrouter.gateway.providers;

/** Statements both backends share ({@code ?} placeholders; PostgreSQL renumbers them). */
final class ProviderSql {
  static final String ALL = "SELECT id, config, updated_at FROM providers ORDER BY id";
  static final String INSERT =
      "INSERT INTO providers(id, config, created_at, updated_at) VALUES (?, ?, ?, ?)";
  static final String UPDATE = "UPDATE providers SET config = ?, updated_at = ? WHERE id = ?";
  static final String DELETE = "DELETE FROM providers WHERE id = ?";
  static final String VERSION = "SELECT COUNT(*), COALESCE(MAX(updated_at), 0) FROM providers";

  private ProviderSql() {}
}
