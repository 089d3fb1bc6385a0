-- A chunk's result is its canonical JSON text (~12 kB for 1,000 iterations, mostly the samples
-- as base64 float64, which does not compress). With the default storage Postgres tries to
-- compress every result before moving it out of line, pays the CPU and stores the same size.
-- Every completion writes one result, so that attempt was a measurable share of Postgres' time
-- per completion: store results out of line uncompressed.
ALTER TABLE public.jobs_chunks ALTER COLUMN result SET STORAGE EXTERNAL;
