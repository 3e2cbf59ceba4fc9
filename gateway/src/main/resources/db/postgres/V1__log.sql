-- The shared Merkle audit log (C2SP tlog-tiles) of every gateway replica. Written only by the
-- integrator holding pg_advisory_xact_lock(LOG_INTEGRATOR), one transaction per batch: entries,
-- tiles and the checkpoint that names them commit together or not at all.

-- The latest signed checkpoint; one row (one log per database).
CREATE TABLE log_checkpoint (
  id smallint PRIMARY KEY CHECK (id = 1),
  tree_size bigint NOT NULL CHECK (tree_size >= 0),
  note bytea NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- One row per entry (leaf); tlog-tiles entry bundles are assembled from consecutive rows.
CREATE TABLE log_entries (
  entry_index bigint PRIMARY KEY CHECK (entry_index >= 0),
  data bytea NOT NULL
);

-- One row per hash tile, holding its widest version so far: tiles only grow by appending, so a
-- partial tile of width w is the first w hashes of any wider one.
CREATE TABLE log_tiles (
  tile_level smallint NOT NULL CHECK (tile_level >= 0),
  tile_index bigint NOT NULL CHECK (tile_index >= 0),
  width smallint NOT NULL CHECK (width BETWEEN 1 AND 256),
  hashes bytea NOT NULL CHECK (length(hashes) = 32 * width),
  PRIMARY KEY (tile_level, tile_index)
);
