package io.sovereignrouter.gateway.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where the gateway keeps its state and the audit log. */
public enum StorageBackend {
  /** One process: SQLite file and file-backed log in the data directory (the default). */
  @JsonProperty("sqlite")
  SQLITE,
  /** N replicas sharing one PostgreSQL database, the audit log included. */
  @JsonProperty("postgres")
  POSTGRES
}
