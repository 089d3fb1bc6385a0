-- Platform nodes (nodes.platform_node; nodes.platform is the OS string): compute the operator runs, trusted by construction (issue 15, 16;
-- sentinel/docs/trust.md). A platform node's results are accepted on every job it may run,
-- and it may verify or arbitrate anyone's chunks, so a chunk never waits on a verifier that
-- cannot exist. Only the operator sets the flag (service role / direct connection: the launcher
-- of `npm start` marks its headless node; in production, `update public.nodes set platform_node =
-- true where id = ...`). API roles may read it (the nodes page shows it), never write it.
-- jobs.corrected_at: set when a published job result was recomputed after a node that
-- contributed to it was caught cheating (the job page marks the result as corrected).

alter table public.nodes add column platform_node boolean not null default false;
grant select (platform_node) on public.nodes to authenticated;
create index nodes_platform_idx on public.nodes (id) where platform_node;

alter table public.jobs add column corrected_at timestamptz;
