-- Deleting a node no longer erases who computed its results (issue 16). Before, jobs_chunks.node_id
-- was set to NULL by the delete, so a trusted node whose owner deleted it before a sampled replica
-- caught it left its results accepted on trust in place, and nothing linked them to it any more
-- (a deleted sleeper's lies stayed published). Now the delete counts as being caught:
-- - its results accepted on trust on other owners' jobs since its last verified one keep its id in
--   jobs_chunks.deleted_node_id (node_id is still cleared: the node row is gone);
-- - the node and its owner are listed in private.deleted_nodes until the sentinel has recomputed
--   them (rows of active jobs go back to pending, a completed job's published rows get an arbiter
--   copy each and the job is corrected if they were wrong; see sentinel/docs/trust.md).
-- Only the results since its last verified one: an honest node deleted after months of work costs a
-- few chunks, not every result still stored. Platform nodes are trusted by construction: skipped.
alter table public.jobs_chunks add column deleted_node_id uuid;
create index jobs_chunks_deleted_node_idx on public.jobs_chunks (deleted_node_id)
  where deleted_node_id is not null;

create table private.deleted_nodes (
  id uuid primary key,
  user_id uuid,
  deleted_at timestamptz not null default now()
);
alter table private.deleted_nodes enable row level security;
revoke all on private.deleted_nodes from public, anon, authenticated;

create function private.keep_deleted_node_results() returns trigger
  language plpgsql security definer set search_path = ''
  as $$
declare
  verified_until timestamptz;
  kept int;
begin
  if old.platform_node then
    return old;
  end if;
  select max(c.completed_at) into verified_until
    from public.jobs_chunks c where c.node_id = old.id and c.verdict = 'verified';
  update public.jobs_chunks c set deleted_node_id = old.id
    from public.jobs j
   where c.node_id = old.id and c.status = 'completed' and c.verdict = 'trusted' and c.result is not null
     and j.id = c.job_id and j.user_id is distinct from old.user_id
     and c.completed_at > coalesce(verified_until, '-infinity'::timestamptz);
  get diagnostics kept = row_count;
  if kept > 0 then
    insert into private.deleted_nodes (id, user_id) values (old.id, old.user_id) on conflict do nothing;
  end if;
  return old;
end
$$;
revoke all on function private.keep_deleted_node_results() from public;

create trigger nodes_keep_deleted_results before delete on public.nodes
  for each row execute function private.keep_deleted_node_results();
