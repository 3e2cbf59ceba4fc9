CREATE TABLE tenants (
  id          TEXT PRIMARY KEY,
  name        TEXT NOT NULL UNIQUE,
  suspended   INTEGER NOT NULL DEFAULT 0,
  created_at  INTEGER NOT NULL
);

CREATE TABLE tenant_keys (
  key_id       TEXT PRIMARY KEY,
  tenant_id    TEXT NOT NULL REFERENCES tenants(id),
  secret_hash  TEXT NOT NULL,
  created_at   INTEGER NOT NULL,
  revoked_at   INTEGER
);

CREATE INDEX tenant_keys_by_tenant ON tenant_keys(tenant_id);
