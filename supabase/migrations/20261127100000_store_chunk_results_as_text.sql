-- Chunk results are opaque to the database: written once per completion (about 20 KB, a
-- thousand per-iteration samples), read once when the job is merged, never queried inside.
-- The sentinel validates each result and stores its canonical JSON text — the text whose
-- sha-256 is the chunk's digest — so Postgres no longer parses it: as jsonb every completion
-- paid for parsing each number into numeric and for pglz compression, and every merge for
-- printing them back. Measured on the sentinel benchmark's 20 KB result: 0.65 ms of Postgres
-- CPU to store and 0.10 ms to read as jsonb; as json 0.15 / 0.02 ms plus 0.12 ms to parse;
-- as text stored uncompressed out of line (EXTERNAL) only the write. The price: about 50 %
-- more disk per chunk result, and API readers of jobs_chunks.result get a JSON string.
alter table public.jobs_chunks
  alter column result type text using result::text,
  alter column result set storage external;
