-- The sentinel locks pending verification copies (replica rows, see 20261127090000_add_node_trust)
-- in their own batch, oldest first: a partial index serves that scan without walking the
-- pending originals.
create index jobs_chunks_pending_copies_idx on public.jobs_chunks (created_at)
  where status = 'pending' and replica_of is not null;
