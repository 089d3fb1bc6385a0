-- A deleted node's "last verified result" (20261206103000) counted a check by any claimed node of a
-- third owner, even an untrusted one whose agreement was accepted on the deleted node's own word
-- (sentinel completion/judge.ts: the earned-trusted original is the reference, the fresh replica
-- vouches for nothing): an earned-trusted liar's sampled replica drawn by its partner's fresh
-- account, echoing the lie, moved the bound past every earlier lie before the delete.
-- jobs_chunks.vouched records, when a result is set verified, whether the reference that settled it
-- vouches for its node (the check raised the node's trust streak: a platform node, or an
-- earned-trusted node of a third owner, not the node itself); only such checks of its originals on
-- jobs without a target error move the bound. Set by the sentinel with the verdict, cleared with it.
alter table public.jobs_chunks add column vouched boolean not null default false;

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
     and j.target_error is null and c.vouched;
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
