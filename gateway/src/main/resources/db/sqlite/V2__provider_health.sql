-- Health of each provider+model, so scores and open circuit breakers survive a restart.
CREATE TABLE provider_health (
  provider_id  TEXT NOT NULL,
  model        TEXT NOT NULL,
  state        TEXT NOT NULL,
  updated_at   INTEGER NOT NULL,
  PRIMARY KEY (provider_id, model)
);
