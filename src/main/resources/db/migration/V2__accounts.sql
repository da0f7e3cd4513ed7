-- V2: accounts of the new server.
-- The API accepts STAFF; the old enum lacked it (the original answered 400 for it).
ALTER TYPE userrole ADD VALUE IF NOT EXISTS 'STAFF';

-- Refresh tokens are now stored as SHA-256 hashes and grouped into login families for rotation
-- and reuse detection. Rows of the old server hold plaintext tokens that can no longer be
-- presented (and had all expired); they are removed.
DELETE FROM tokens;
ALTER TABLE tokens ADD COLUMN family_id VARCHAR(36);
ALTER TABLE tokens ADD COLUMN expires_at TIMESTAMP WITHOUT TIME ZONE;
CREATE INDEX ix_tokens_family_id ON tokens (family_id);
CREATE INDEX ix_tokens_user_id ON tokens (user_id);

-- One doctor profile per user.
CREATE UNIQUE INDEX ux_doctors_user_id ON doctors (user_id);

-- Lists of a doctor's patients.
CREATE INDEX ix_patients_created_by ON patients (created_by) WHERE NOT is_deleted;
