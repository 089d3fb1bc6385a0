-- A judged completion (a result stored and judged in a transaction, sentinel/src/completion/judge.ts)
-- counted its chunk on the job and credited nodes and owners in the middle of its transaction,
-- then held those rows locked until the sentinel sent COMMIT, one round trip later. Every
-- completion of a job updates the job row, so under load they queued behind each other's
-- round trips (pg_stat_statements: most of Postgres' time per completion was lock waits there).
-- Now such a transaction writes what it owes into this table, and a deferred constraint trigger
-- applies it at COMMIT, inside the commit, in the lock order of every completion (job, nodes in
-- id order, profiles in id order): the hot rows are held only while the commit runs. The row is
-- deleted by the same trigger, so it never outlives its transaction: nothing to recover after a
-- crash (the transaction either committed with its effects or left nothing), hence unlogged.
-- A transaction that needs them applied earlier (penalising a node, then re-running its work)
-- says SET CONSTRAINTS private.completion_effects_apply IMMEDIATE. Only the sentinel (the owner)
-- touches it; no API role has any privilege, and RLS is on besides.
create unlogged table private.completion_effects (
  id bigint generated always as identity primary key,
  -- count one chunk of job_iterations iterations on this job (null: count nothing)
  job_id uuid,
  job_iterations integer not null default 0 check (job_iterations >= 0),
  -- credit only if the chunk was counted (the job still active), else credit nothing
  credit_if_counted boolean not null default false,
  -- per credited node: its iterations and the step added to its trust streak
  node_ids uuid[] not null default '{}',
  node_iterations bigint[] not null default '{}',
  node_streaks integer[] not null default '{}',
  check (cardinality(node_ids) = cardinality(node_iterations) and cardinality(node_ids) = cardinality(node_streaks))
);

alter table private.completion_effects enable row level security;
revoke all on private.completion_effects from public, anon, authenticated, service_role;

-- one plan for its statements, kept for the connection (their custom plans cost ~0.6 ms of
-- planning per completion and never differ: every parameter is a key or an array)
create function private.apply_completion_effects() returns trigger
language plpgsql set search_path = '' set plan_cache_mode = force_generic_plan as $$
declare
  counted boolean := false;
begin
  if new.job_id is not null then
    update public.jobs set completed_iterations = completed_iterations + new.job_iterations,
           chunks_completed = chunks_completed + 1,
           status = case when status = 'pending' then 'running' else status end
     where id = new.job_id and status in ('pending', 'running');
    counted := found;
  end if;
  if cardinality(new.node_ids) > 0 and (counted or not new.credit_if_counted) then
    with credit as (
      select a.node, sum(a.iterations)::bigint as iterations, sum(a.streak)::int as streak
        from unnest(new.node_ids, new.node_iterations, new.node_streaks) as a(node, iterations, streak)
       group by a.node),
    n as (
      update public.nodes n set credited_iterations = n.credited_iterations + a.iterations,
             trust_streak = n.trust_streak + a.streak
        from credit a,
             (select id from public.nodes where id in (select node from credit) order by id for no key update) o
       where n.id = a.node and o.id = a.node
      returning n.user_id, a.iterations)
    update public.user_profiles p set credited_iterations = p.credited_iterations + s.iterations
      from (select user_id, sum(iterations) as iterations from n where user_id is not null group by user_id) s,
           (select id from public.user_profiles where id in (select user_id from n) order by id for no key update) o
     where p.id = s.user_id and o.id = s.user_id;
  end if;
  delete from private.completion_effects where id = new.id;
  return null;
end $$;

revoke all on function private.apply_completion_effects() from public, anon, authenticated, service_role;

create constraint trigger completion_effects_apply
  after insert on private.completion_effects
  deferrable initially deferred
  for each row execute function private.apply_completion_effects();
