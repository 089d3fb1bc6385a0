-- cancel_job takes its locks in the order every other path does: the job's chunk rows (in id
-- order), then the job row. It used to update the job first and its chunks second, while the
-- scheduler (assigning) and completions lock chunks first and the job second: cancelling right
-- after creating a job deadlocked with the scheduler in about half of the tries (40P01), and the
-- job kept running. Same behaviour, same errors; only the lock order changes.
create or replace function public.cancel_job(job_id uuid) returns void
  language plpgsql volatile security definer set search_path = ''
  as $$
declare
  v_uid uuid := auth.uid();
begin
  if v_uid is null then
    raise exception 'Sign in to cancel a sim.' using errcode = '42501';
  end if;
  if cancel_job.job_id is null then
    raise exception 'cancel_job: job_id is required' using errcode = '22004';
  end if;
  if not exists (
    select 1 from public.jobs j
     where j.id = cancel_job.job_id and j.user_id = v_uid and j.status in ('pending', 'running')
  ) then
    raise exception 'You have no pending or running sim with this id.' using errcode = 'PT404';
  end if;
  -- chunks first (id order), then the job: the lock order of the scheduler and of completions
  perform 1 from public.jobs_chunks c where c.job_id = cancel_job.job_id order by c.id for no key update;
  update public.jobs as j
     set status = 'cancelled', error = 'cancelled by its owner'
   where j.id = cancel_job.job_id and j.user_id = v_uid and j.status in ('pending', 'running');
  if not found then
    raise exception 'You have no pending or running sim with this id.' using errcode = 'PT404';
  end if;
  update public.jobs_chunks as c
     set status = 'failed'
   where c.job_id = cancel_job.job_id and c.status = 'pending';
end
$$;
