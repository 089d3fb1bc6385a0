-- Verification by replication and per-node trust (issue 11, sentinel/docs/trust.md).
--
-- nodes: trust_streak (consecutive results confirmed by another node), mismatches (results
--   judged invalid), quarantined_at (no more work), credited_iterations (iterations of this
--   node's results that were trusted or verified, each counted once).
-- jobs_chunks: a replica is a second row of the same chunk (same job, seed offset,
--   iterations) with replica_of = the original row; replica_role says whether it is the
--   independent re-run ('replica') or the third copy after a mismatch ('arbiter');
--   exclude_owners lists the owners (user id, or node id for an unclaimed node) that may not
--   run it; digest = sha-256 hex of the result's canonical JSON; verdict = null (not judged
--   yet), 'trusted' (accepted on the node's trust), 'verified' (confirmed by another node),
--   'invalid' (disagreed with the accepted result).
-- user_profiles.credited_iterations: a user's contribution, kept when a node is deleted;
--   contributors_leaderboard ranks it (readable by everybody, like profiles).

alter table public.nodes
  add column trust_streak integer not null default 0 check (trust_streak >= 0),
  add column mismatches integer not null default 0 check (mismatches >= 0),
  add column quarantined_at timestamptz,
  add column credited_iterations bigint not null default 0 check (credited_iterations >= 0);

create index nodes_quarantined_at_idx on public.nodes (quarantined_at) where quarantined_at is not null;

grant select (trust_streak, mismatches, quarantined_at, credited_iterations) on public.nodes to authenticated;

alter table public.jobs_chunks
  add column replica_of uuid references public.jobs_chunks (id) on delete cascade,
  add column replica_role text not null default 'primary'
    check (replica_role in ('primary', 'replica', 'arbiter')),
  add column exclude_owners uuid[] not null default '{}' check (cardinality(exclude_owners) <= 16),
  add column digest text check (digest ~ '^[0-9a-f]{64}$'),
  add column verdict text check (verdict in ('trusted', 'verified', 'invalid')),
  add constraint jobs_chunks_replica_role_matches check ((replica_role = 'primary') = (replica_of is null));

-- One primary row per (job, seed offset); replicas share the seed offset of their original.
alter table public.jobs_chunks drop constraint jobs_chunks_job_seed_offset_unique;
create unique index jobs_chunks_job_seed_offset_unique
  on public.jobs_chunks (job_id, seed_offset) where replica_of is null;
create index jobs_chunks_job_id_idx on public.jobs_chunks (job_id, seed_offset);
create index jobs_chunks_replica_of_idx on public.jobs_chunks (replica_of) where replica_of is not null;

alter table public.user_profiles
  add column credited_iterations bigint not null default 0 check (credited_iterations >= 0);

-- The contributors leaderboard: every user with credited work. A view
-- with the caller's rights (security_invoker): profiles are readable by everybody.
create view public.contributors_leaderboard with (security_invoker = true) as
  select p.id as user_id, p.handle, p.avatar_url, p.credited_iterations,
         rank() over (order by p.credited_iterations desc) as rank
    from public.user_profiles p
   where p.credited_iterations > 0;

revoke all on public.contributors_leaderboard from public, anon, authenticated;
grant select on public.contributors_leaderboard to anon, authenticated, service_role;

create index user_profiles_credited_iterations_idx
  on public.user_profiles (credited_iterations desc) where credited_iterations > 0;
