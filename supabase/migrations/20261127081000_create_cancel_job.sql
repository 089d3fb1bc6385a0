-- cancel_job(job_id): the owner stops their pending or running job. Users cannot update jobs
-- directly, so this is an RPC (SECURITY DEFINER, search_path pinned). Its pending chunks are
-- marked failed so they leave the pending-chunk index at once; chunks already running are
-- dropped by the sentinel, which stops assigning and cancels them on their nodes once the job
-- is no longer pending/running.

create function public.cancel_job(job_id uuid) returns void
  language plpgsql volatile security definer set search_path = ''
  as $$
declare
  v_uid uuid := auth.uid();
begin
  if v_uid is null then
    raise exception 'cancel_job: not signed in' using errcode = '42501';
  end if;
  if cancel_job.job_id is null then
    raise exception 'cancel_job: job_id is required' using errcode = '22004';
  end if;
  update public.jobs as j
     set status = 'cancelled', error = 'cancelled by its owner'
   where j.id = cancel_job.job_id and j.user_id = v_uid and j.status in ('pending', 'running');
  if not found then
    raise exception 'cancel_job: you have no pending or running job with id %', cancel_job.job_id
      using errcode = 'P0002';
  end if;
  update public.jobs_chunks as c
     set status = 'failed'
   where c.job_id = cancel_job.job_id and c.status = 'pending';
end
$$;

revoke all on function public.cancel_job(uuid) from public, anon;
grant execute on function public.cancel_job(uuid) to authenticated, service_role;
