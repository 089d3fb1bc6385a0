-- A deleted node's results accepted on trust are kept for recomputation since its last verified
-- result (20261206060000, 20261206094000). That bound could be moved at will: an original of the
-- node checked by the job owner's own node (the attacker's second account creating the job) or
-- on a smart sim (every volunteer result on one is re-run) counted as verified, so a liar ran one
-- honest chunk that way just before its owner deleted it, and every lie before it stayed
-- published. Now only a sampled check counts: its original on a job without a target error,
-- confirmed by a platform node or by a claimed node of a third owner (neither the job's owner
-- nor the node's), as a check that raises trust is. Lies before such a check stay (see
-- sentinel/docs/trust.md, "What it does not defend against").
create or replace function private.keep_deleted_node_results() returns trigger
  language plpgsql security definer set search_path = ''
  as $$
declare
  verified_until timestamptz;
  kept int;
  confirmations int;
begin
  if old.platform_node then
    return old;
  end if;
  select max(c.completed_at) into verified_until
    from public.jobs_chunks c join public.jobs j on j.id = c.job_id
   where c.node_id = old.id and c.verdict = 'verified' and c.replica_of is null
     and j.target_error is null
     and exists (
       select 1 from public.jobs_chunks r join public.nodes n on n.id = r.node_id
        where r.replica_of = c.id and r.verdict = 'verified'
          and (n.platform_node
               or (n.user_id is not null and n.user_id is distinct from j.user_id
                   and n.user_id is distinct from old.user_id)));
  update public.jobs_chunks c set deleted_node_id = old.id
    from public.jobs j
   where c.node_id = old.id and c.status = 'completed' and c.verdict = 'trusted' and c.result is not null
     and j.id = c.job_id and j.user_id is distinct from old.user_id
     and c.completed_at > coalesce(verified_until, '-infinity'::timestamptz);
  get diagnostics kept = row_count;
  update public.jobs_chunks c set deleted_node_id = old.id
    from public.jobs j
   where c.node_id = old.id and c.status = 'completed' and c.verdict = 'verified' and c.replica_of is not null
     and c.result is not null
     and j.id = c.job_id and j.user_id is distinct from old.user_id
     and j.status in ('pending', 'running', 'completed')
     and not exists (
       select 1 from public.jobs_chunks r join public.nodes n on n.id = r.node_id
        where (r.id = c.replica_of or r.replica_of = c.replica_of) and r.verdict = 'verified'
          and (j.user_id = n.user_id or n.platform_node
               or (j.access_type = 'user' and n.user_id = any(j.shared_with))));
  get diagnostics confirmations = row_count;
  if kept + confirmations > 0 then
    insert into private.deleted_nodes (id, user_id) values (old.id, old.user_id) on conflict do nothing;
  end if;
  return old;
end
$$;
