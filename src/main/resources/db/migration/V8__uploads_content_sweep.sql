-- A finished upload's held copy is dropped in its own statement right after the session ends; the
-- retry timer sweeps every few seconds for copies a crash left in between. This index keeps that
-- sweep from reading the whole table (one row per upload, kept for ever).
CREATE INDEX ix_result_uploads_content_held ON result_uploads (diagnosis_id) WHERE done AND content IS NOT NULL;
