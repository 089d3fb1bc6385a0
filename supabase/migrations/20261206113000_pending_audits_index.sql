-- The scheduler locks pending audits in a batch of their own (sentinel db/claim-chunks.ts: audits
-- waiting for a busy platform node must not hold back the replicas other nodes may run); they are
-- few among the pending copies, so they get their own partial index in the order the batch reads.
create index jobs_chunks_pending_audits_idx on public.jobs_chunks (created_at, seed_offset, variant)
  where status = 'pending' and audit;
