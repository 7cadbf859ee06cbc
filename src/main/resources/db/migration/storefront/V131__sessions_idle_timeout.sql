-- A login session ends at the first of two instants: expires_at (absolute lifetime from login) and idle_expires_at
-- (pushed forward while the session is used). Both are compared with the application's clock, passed as a parameter.
ALTER TABLE sessions ADD COLUMN idle_expires_at timestamptz;
UPDATE sessions SET idle_expires_at = expires_at;
ALTER TABLE sessions ALTER COLUMN idle_expires_at SET NOT NULL;
