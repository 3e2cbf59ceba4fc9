-- Which log entry attests which request, for GET /v1/attestations/{route_decision_id}.
CREATE TABLE attestations (
  route_decision_id  TEXT PRIMARY KEY,
  tenant_id          TEXT NOT NULL,
  log_index          INTEGER NOT NULL,
  created_at         INTEGER NOT NULL
);
