-- A chunk's attempts count every failure and loss, those of nodes nobody vouches for too; a loss on
-- compute trusted by construction for the job (its owner's tab or node, a grantee's, a platform
-- node) "confirms" a failure, and failed the job once attempts reached the limit. Four free
-- unclaimed nodes failing a newcomer's chunk spent four of its five attempts, and the newcomer
-- closing their tab while it held the chunk failed the job for good (sentinel
-- test/adversarial/closed-tab.test.ts). anchored_attempts counts the failures and losses on compute
-- trusted by construction only: with replication on, a loss fails its job when they reach the
-- limit (sentinel db/reclaim.ts).
alter table public.jobs_chunks
  add column anchored_attempts integer not null default 0 check (anchored_attempts >= 0);
