-- claim_node and cancel_job report "nothing matched" as PT404 instead of P0002: PostgREST maps
-- every P0xxx but P0001 to HTTP 500, so a mistyped claim code looked like a server failure.
-- PTxyz is PostgREST's way to choose the status: PT404 answers 404 with the same message.

create or replace function public.claim_node(code text, name text, max_parallel integer)
  returns public.nodes
  language plpgsql volatile security definer set search_path = ''
  as $$
declare
  v_uid uuid := auth.uid();
  v_code text := btrim(claim_node.code);
  v_name text := btrim(claim_node.name);
  v_node public.nodes;
begin
  if v_uid is null then
    raise exception 'claim_node: not signed in' using errcode = '42501';
  end if;
  if v_code is null or v_code = '' then
    raise exception 'claim_node: a claim code is required' using errcode = '22023';
  end if;
  if v_name is null or char_length(v_name) not between 1 and 64 then
    raise exception 'claim_node: name must be 1 to 64 characters' using errcode = '22023';
  end if;
  if claim_node.max_parallel is null or claim_node.max_parallel not between 1 and 1024 then
    raise exception 'claim_node: max_parallel must be between 1 and 1024, got %',
      coalesce(claim_node.max_parallel::text, 'null') using errcode = '22023';
  end if;

  update public.nodes as n
     set user_id = v_uid, claim_code = null, name = v_name, max_parallel = claim_node.max_parallel
   where n.claim_code = v_code and n.user_id is null
  returning n.* into v_node;
  if not found then
    raise exception 'claim_node: no unclaimed node has this claim code' using errcode = 'PT404',
      hint = 'check the code the node shows; each code can be used once';
  end if;
  return v_node;
end
$$;

create or replace function public.cancel_job(job_id uuid) returns void
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
      using errcode = 'PT404';
  end if;
  update public.jobs_chunks as c
     set status = 'failed'
   where c.job_id = cancel_job.job_id and c.status = 'pending';
end
$$;
