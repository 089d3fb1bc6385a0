-- A deleted node counts as caught (20261206060000), but its delete kept only its results accepted
-- on trust. Caught, a node also has every confirmation it gave without compute trusted by
-- construction in the family rechecked (sentinel db/trust-nodes.ts recheckPublished): an
-- earned-trusted accomplice echoing a partner's lie as a replica made that lie 'verified'. Deleted,
-- those rows were not kept: an accomplice deleted before one of its confirmations was audited (1 in
-- 10 are) left every lie it confirmed published for good, its partners (a fresh unclaimed node per
-- lie) never caught (sentinel/test/adversarial/deleted-accomplice.test.ts).
-- Now the delete also keeps its id on those rows, as recheckPublished finds them for a caught node:
-- its replica rows 'verified' on other owners' jobs whose family has no verified row of a node
-- trusted by construction for the job (a platform node, the job owner's, a grantee's). All of them,
-- as for a caught node, not only those since its last verified result: an echo is itself a
-- 'verified' row, and an honest result sampled on a job of the attacker's own other account (its
-- sampled replica is visible to that job's owner) would reset such a bound at will.
-- "Its last verified result" for its results accepted on trust counts its own results checked by
-- another node (its originals), no longer its confirmations of others (which vouch for nothing
-- about it: the echo that confirmed a lie moved the bound past every lie before it).
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
    from public.jobs_chunks c
   where c.node_id = old.id and c.verdict = 'verified' and c.replica_of is null;
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
