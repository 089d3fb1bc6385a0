-- Audit copies (issue 16): the replica that checks an agreement resting on an earned-trusted node's
-- word (sentinel/docs/trust.md, "Its confirmations are sampled at the same floor"). Marked so the
-- scheduler can give it to compute trusted by construction (a platform node, the job owner's
-- nodes) whenever one is connected: before, it went to the node of a third owner with the most
-- free slots, and an attacker's second earned-trusted account with many slots took most audits
-- of its partners' echoed lies, so a lie was caught about 1 in 100 instead of 1 in 10.
alter table public.jobs_chunks add column audit boolean not null default false;
alter table public.jobs_chunks
  add constraint jobs_chunks_audit_is_replica check (not audit or replica_role = 'replica');
