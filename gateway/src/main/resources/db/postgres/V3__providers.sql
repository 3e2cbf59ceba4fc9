-- Providers managed through the admin API (config-file providers are not stored). The config
-- column holds the provider's configuration in the config file's JSON form.
CREATE TABLE providers (
  id          TEXT PRIMARY KEY,
  config      TEXT NOT NULL,
  created_at  BIGINT NOT NULL,
  updated_at  BIGINT NOT NULL
);
