-- A node whose socket closes keeps its running chunks for the sentinel's reconnect grace
-- (RECONNECT_GRACE_MS) and only then loses them to the queue. Until now nothing told the job
-- page so, and it went on counting the vanished node as "running" the sim. The sentinel now
-- stamps nodes.disconnected_at when the socket closes and clears it whenever it sees the node
-- again (socket open, heartbeat, its tick over connected nodes).
--
-- The job owner reads it through two views with the caller's rights (so jobs_chunks' policy
-- decides which chunks they see): the chunk rows with the disconnect time of the node running
-- each, and per job the counts My jobs shows in its rows (one aggregate read for the whole list).
-- Other people's nodes stay hidden: only the time, through a private helper, for running chunks.

alter table public.nodes add column disconnected_at timestamptz;
grant select (disconnected_at) on public.nodes to authenticated;

create function private.node_disconnected_at(p_node_id uuid) returns timestamptz
  language sql stable security definer set search_path = ''
  as $$ select n.disconnected_at from public.nodes n where n.id = p_node_id $$;
revoke all on function private.node_disconnected_at(uuid) from public;
grant execute on function private.node_disconnected_at(uuid) to authenticated, service_role;

create view public.jobs_chunks_progress with (security_invoker = true) as
  select c.job_id, c.node_id, c.status, c.iterations, c.replica_role, c.variant, c.seed_offset,
         case when c.status = 'running' then private.node_disconnected_at(c.node_id) end
           as node_disconnected_at
    from public.jobs_chunks c;

create view public.jobs_activity with (security_invoker = true) as
  select c.job_id,
         count(*) filter (where c.status = 'running')::int as running,
         count(distinct c.node_id) filter (
           where c.status = 'running' and private.node_disconnected_at(c.node_id) is null)::int as nodes,
         count(distinct c.node_id) filter (
           where c.status = 'running' and private.node_disconnected_at(c.node_id) is not null)::int
           as disconnected_nodes,
         count(*) filter (where c.status = 'pending' and c.replica_role = 'primary')::int
           as waiting_originals,
         count(*) filter (where c.status = 'pending' and c.replica_role <> 'primary')::int
           as waiting_checks
    from public.jobs_chunks c
   where c.status in ('pending', 'running')
   group by c.job_id;

revoke all on public.jobs_chunks_progress, public.jobs_activity from public, anon, authenticated;
grant select on public.jobs_chunks_progress, public.jobs_activity to authenticated, service_role;
