-- pending_chunk for chunks returned to pending was a statement trigger with transition
-- tables: every UPDATE of jobs_chunks (each completion, each assignment) materialised its old
-- and new rows and joined them to find none. A row trigger with a WHEN clause costs nothing
-- for the updates that do not return a chunk; NOTIFY folds identical payloads of one
-- transaction into one, so a statement returning many chunks of a job still wakes once.
drop trigger jobs_chunks_notify_returned on public.jobs_chunks;
drop function private.notify_pending_chunks_returned();

create function private.notify_pending_chunk_returned() returns trigger
  language plpgsql set search_path = ''
  as $$
begin
  perform pg_notify('pending_chunk', new.job_id::text);
  return null;
end
$$;

create trigger jobs_chunks_notify_returned after update of status on public.jobs_chunks
  for each row when (new.status = 'pending' and old.status <> 'pending')
  execute function private.notify_pending_chunk_returned();

revoke all on function private.notify_pending_chunk_returned() from public;
