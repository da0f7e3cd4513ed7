-- V3: live diagnosis sessions.

-- At most one live (READY/STARTED) diagnosis per doctor, enforced by the database.
CREATE UNIQUE INDEX ux_diagnoses_live_doctor ON diagnoses (doctor_id)
    WHERE state IN ('READY', 'STARTED') AND NOT is_deleted;
-- The expiry timer looks for overdue live sessions.
CREATE INDEX ix_diagnoses_live_expiry ON diagnoses (expired_at) WHERE state IN ('READY', 'STARTED');
CREATE INDEX ix_diagnoses_patient_id ON diagnoses (patient_id);

-- Why a session FAILED (headset report, upload too large, unreadable CSV, ...).
ALTER TABLE diagnoses ADD COLUMN failure_reason VARCHAR;

-- Application nodes alive in the cluster; a node refreshes its heartbeat every few seconds.
CREATE TABLE cluster_nodes (
    node_id      VARCHAR(64) PRIMARY KEY,
    started_at   TIMESTAMP WITHOUT TIME ZONE NOT NULL,
    heartbeat_at TIMESTAMP WITHOUT TIME ZONE NOT NULL
);

-- Which node holds the open headset socket of a patient (one per patient: the newest wins).
CREATE TABLE headset_presence (
    patient_id    INTEGER PRIMARY KEY REFERENCES patients (id),
    node_id       VARCHAR(64) NOT NULL REFERENCES cluster_nodes (node_id) ON DELETE CASCADE,
    connection_id VARCHAR(36) NOT NULL,
    connected_at  TIMESTAMP WITHOUT TIME ZONE NOT NULL
);
CREATE INDEX ix_headset_presence_node ON headset_presence (node_id);
