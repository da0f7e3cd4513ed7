-- V5: headset trust and the audit trail.

-- An administrator reads the audit trail. Promoted by SQL (docs/deployment.md), never registered.
ALTER TYPE userrole ADD VALUE IF NOT EXISTS 'ADMIN';

-- The headset socket a live session was started on (or that took it over): only this socket's
-- reports and uploads count for the session.
ALTER TABLE diagnoses ADD COLUMN headset_connection VARCHAR(36);

-- When the patient's socket last answered a ping. While it is fresh, a second connection for a
-- patient in a live session is refused instead of displacing the headset.
ALTER TABLE headset_presence ADD COLUMN alive_at TIMESTAMP WITHOUT TIME ZONE;

-- A paired headset's credential (SHA-256 of the token; the token is shown once). One per patient.
CREATE TABLE headset_tokens (
    patient_id INTEGER PRIMARY KEY REFERENCES patients (id),
    token_hash VARCHAR(64) NOT NULL UNIQUE,
    created_by INTEGER NOT NULL REFERENCES users (id),
    created_at TIMESTAMP WITHOUT TIME ZONE NOT NULL
);

-- Access records of the personal-information system: who did what to whose data, when, from where.
-- Append-only: rows are never changed; only the retention job deletes rows past the retention time.
CREATE TABLE audit_events (
    id           BIGSERIAL PRIMARY KEY,
    at           TIMESTAMP WITHOUT TIME ZONE NOT NULL,
    action       VARCHAR(40) NOT NULL,
    user_id      INTEGER,
    login_id     VARCHAR(50),
    patient_id   INTEGER,
    diagnosis_id INTEGER,
    address      VARCHAR(45),
    user_agent   VARCHAR(255),
    detail       VARCHAR(255)
);
CREATE INDEX ix_audit_events_at ON audit_events (at);
CREATE INDEX ix_audit_events_user ON audit_events (user_id, at);
CREATE INDEX ix_audit_events_patient ON audit_events (patient_id, at);

CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_events is append-only';
END;
$$;
CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
    FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
