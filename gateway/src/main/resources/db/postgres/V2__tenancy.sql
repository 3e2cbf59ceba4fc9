-- Tenants, keys, spend holds, usage and the attestation lookup index: the same tables as the
-- SQLite schema (times in epoch milliseconds, settings as TenantSettingsJson text), so both
-- backends share their SQL.
CREATE TABLE tenants (
  id                TEXT PRIMARY KEY,
  name              TEXT NOT NULL UNIQUE,
  settings          TEXT NOT NULL DEFAULT '{}',
  suspended_reason  TEXT,
  suspended_at      BIGINT,
  created_at        BIGINT NOT NULL
);

CREATE TABLE tenant_keys (
  key_id       TEXT PRIMARY KEY,
  tenant_id    TEXT NOT NULL REFERENCES tenants(id),
  secret_hash  TEXT NOT NULL,
  created_at   BIGINT NOT NULL,
  revoked_at   BIGINT
);
CREATE INDEX tenant_keys_by_tenant ON tenant_keys(tenant_id);

CREATE TABLE spend_reservations (
  id             TEXT PRIMARY KEY,
  tenant_id      TEXT NOT NULL,
  amount_micros  BIGINT NOT NULL,
  created_at     BIGINT NOT NULL
);
CREATE INDEX spend_reservations_by_age ON spend_reservations(created_at);
CREATE INDEX spend_reservations_by_tenant ON spend_reservations(tenant_id);

CREATE TABLE usage_daily (
  day            TEXT NOT NULL,
  tenant_id      TEXT NOT NULL,
  key_id         TEXT NOT NULL,
  provider       TEXT NOT NULL,
  model          TEXT NOT NULL,
  requests       BIGINT NOT NULL,
  input_tokens   BIGINT NOT NULL,
  output_tokens  BIGINT NOT NULL,
  cost_micros    BIGINT NOT NULL,
  PRIMARY KEY (day, tenant_id, key_id, provider, model)
);
CREATE INDEX usage_daily_by_tenant ON usage_daily(tenant_id, day);

CREATE TABLE attestations (
  route_decision_id  TEXT PRIMARY KEY,
  tenant_id          TEXT NOT NULL,
  log_index          BIGINT NOT NULL,
  created_at         BIGINT NOT NULL
);
