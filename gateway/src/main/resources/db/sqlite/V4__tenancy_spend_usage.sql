-- Tenant settings (TenantSettingsJson form; '{}' means the defaults) and operator suspension.
ALTER TABLE tenants ADD COLUMN settings TEXT NOT NULL DEFAULT '{}';
ALTER TABLE tenants ADD COLUMN suspended_reason TEXT;
ALTER TABLE tenants ADD COLUMN suspended_at INTEGER;
ALTER TABLE tenants DROP COLUMN suspended;

-- Spend holds of in-flight requests. Settled spend is the sum of usage_daily.cost_micros over the
-- cap period; reserved spend is the sum of a tenant's open holds. A crashed request's hold is
-- released by the sweeper.
CREATE TABLE spend_reservations (
  id             TEXT PRIMARY KEY,
  tenant_id      TEXT NOT NULL,
  amount_micros  INTEGER NOT NULL,
  created_at     INTEGER NOT NULL
);
CREATE INDEX spend_reservations_by_age ON spend_reservations(created_at);
CREATE INDEX spend_reservations_by_tenant ON spend_reservations(tenant_id);

-- Served usage per UTC day, tenant, key, provider and model.
CREATE TABLE usage_daily (
  day            TEXT NOT NULL,
  tenant_id      TEXT NOT NULL,
  key_id         TEXT NOT NULL,
  provider       TEXT NOT NULL,
  model          TEXT NOT NULL,
  requests       INTEGER NOT NULL,
  input_tokens   INTEGER NOT NULL,
  output_tokens  INTEGER NOT NULL,
  cost_micros    INTEGER NOT NULL,
  PRIMARY KEY (day, tenant_id, key_id, provider, model)
);
CREATE INDEX usage_daily_by_tenant ON usage_daily(tenant_id, day);
