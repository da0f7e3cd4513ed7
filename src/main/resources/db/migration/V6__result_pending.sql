-- V6: a result the server holds is never stranded.

-- Set when a headset's upload is durably claimed: the session waits only for storage now. It no
-- longer counts as the doctor's live session (a new one may start), it cannot be cancelled or
-- expire, and it ends COMPLETED or FAILED when the result is processed.
ALTER TABLE diagnoses ADD COLUMN result_pending BOOLEAN NOT NULL DEFAULT FALSE;
UPDATE diagnoses d SET result_pending = TRUE
    FROM result_uploads u WHERE u.diagnosis_id = d.id AND NOT u.done AND d.state IN ('READY', 'STARTED');

DROP INDEX ux_diagnoses_live_doctor;
CREATE UNIQUE INDEX ux_diagnoses_live_doctor ON diagnoses (doctor_id)
    WHERE state IN ('READY', 'STARTED') AND NOT is_deleted AND NOT result_pending;
