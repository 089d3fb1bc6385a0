-- A node's failure report fails nothing alone (issue 16). failed_owners lists the owners (user
-- id, or node id of an unclaimed node) whose nodes reported a chunk as failed; the chunk is then
-- retried only on nodes of other owners, and its job fails only when the failure is confirmed
-- independently: by the sentinel's own config validation, by nodes of two distinct owners, or
-- by compute trusted by construction for the job (the owner's own node, a platform node).
alter table public.jobs_chunks
  add column failed_owners uuid[] not null default '{}' check (cardinality(failed_owners) <= 16);
