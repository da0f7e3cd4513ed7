-- V4: results that are never lost.

-- A result upload accepted from a headset, kept here until both files are safely in the bucket
-- and the session is COMPLETED or FAILED. One per diagnosis: a repeated upload is ignored.
CREATE TABLE result_uploads (
    diagnosis_id    INTEGER PRIMARY KEY REFERENCES diagnoses (id),
    patient_id      INTEGER NOT NULL REFERENCES patients (id),
    file_name       VARCHAR NOT NULL,
    content         TEXT,
    raw_stored      BOOLEAN NOT NULL DEFAULT FALSE,
    done            BOOLEAN NOT NULL DEFAULT FALSE,
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMP WITHOUT TIME ZONE NOT NULL,
    last_error      VARCHAR,
    received_at     TIMESTAMP WITHOUT TIME ZONE NOT NULL
);
CREATE INDEX ix_result_uploads_pending ON result_uploads (next_attempt_at) WHERE NOT done;

-- At most one result per diagnosis (the old server read results back with an unordered first()).
CREATE UNIQUE INDEX ux_diagnosis_results_diagnosis_id ON diagnosis_results (diagnosis_id);
