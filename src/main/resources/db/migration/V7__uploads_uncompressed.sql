-- A held upload is written once and read at most once more (only when a retry needs it), then
-- dropped: compressing 10 MB of CSV on the way in costs more than it saves. EXTERNAL keeps it
-- out of line, uncompressed.
ALTER TABLE result_uploads ALTER COLUMN content SET STORAGE EXTERNAL;
