-- A job's owner read every row of its chunks under RLS (jobs_chunks_select_job_owner), each
-- node's stored result and digest included. Agreement with another node's result is the
-- sentinel's only evidence that a node computes honestly, so a result its owner's other account
-- could read proves nothing: an attacker's node handed the replicas of an honest volunteer's
-- originals on the attacker's own public job sent the originals' results read as the job owner,
-- agreed, was confirmed by the platform node's arbiter and became trusted (streak 10) without one
-- simulated iteration (sentinel/test/adversarial/copied-answers.test.ts). A late answer can copy a
-- platform node's accepted row the same way, and two jobs of one seed and config share their chunks.
--
-- The owner keeps what the site shows (progress, who runs what: jobs_chunks_progress,
-- jobs_activity, the node_id count of the nodes page) and the job's merged result in jobs.result,
-- from which no chunk's samples can be recovered; never a chunk's result or digest. The sentinel
-- reads them as the table owner.
revoke select on public.jobs_chunks from authenticated;
grant select (id, job_id, node_id, config_hash, iterations, seed_offset, status, attempts,
              claimed_at, completed_at, created_at, replica_of, replica_role, exclude_owners,
              verdict, failed_owners, variant, deleted_node_id)
  on public.jobs_chunks to authenticated;
