-- A chunk that volunteers' nodes reported failing goes back to the queue for other owners' nodes,
-- and fails its job only once compute trusted by construction confirms it (the owner's tab or
-- node, a platform node: sentinel/docs/trust.md, Failures). Until now the job page said only
-- "No node is running it yet" while such a chunk waited: it now counts them, so it can say what
-- the chunk waits for and that the owner's open tab settles it.
create or replace view public.jobs_chunks_progress with (security_invoker = true) as
  select c.job_id, c.node_id, c.status, c.iterations, c.replica_role, c.variant, c.seed_offset,
         case when c.status = 'running' then private.node_disconnected_at(c.node_id) end
           as node_disconnected_at,
         cardinality(c.failed_owners)::int as failed_by
    from public.jobs_chunks c;

create or replace view public.jobs_activity with (security_invoker = true) as
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
           as waiting_checks,
         count(*) filter (where c.status = 'pending' and cardinality(c.failed_owners) > 0)::int
           as failing
    from public.jobs_chunks c
   where c.status in ('pending', 'running')
   group by c.job_id;
