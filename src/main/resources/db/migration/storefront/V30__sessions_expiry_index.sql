-- Lets the hourly purge of expired login sessions use an index.
CREATE INDEX sessions_expires_idx ON sessions (expires_at);
