-- Materialized views the portal shows on its landing pages, refreshed by the sentinel's
-- maintenance (REFRESH MATERIALIZED VIEW CONCURRENTLY, hence the unique indexes) through
-- refresh_stats_views(). Only completed public jobs are counted.
--   spec_rankings_hourly: per spec, top and median DPS of the last 30 days.
--   top_sims_daily: the 10 best public sims per spec completed in the last 24 hours.

create materialized view public.spec_rankings_hourly as
select c.config ->> 'spec' as spec,
       count(*)::integer as jobs,
       max((j.result ->> 'mean')::double precision) as top_dps,
       percentile_cont(0.5) within group (order by (j.result ->> 'mean')::double precision) as median_dps,
       max(j.completed_at) as last_completed_at,
       now() as refreshed_at
  from public.jobs j
  join public.jobs_configs c on c.hash = j.config_hash
 where j.status = 'completed'
   and j.access_type = 'public'
   and j.completed_at > now() - interval '30 days'
   and jsonb_typeof(j.result -> 'mean') = 'number'
   and jsonb_typeof(c.config -> 'spec') = 'string'
 group by c.config ->> 'spec';

create unique index spec_rankings_hourly_spec_idx on public.spec_rankings_hourly (spec);

create materialized view public.top_sims_daily as
select ranked.job_id, ranked.user_id, ranked.handle, ranked.spec, ranked.dps, ranked.dps_error,
       ranked.iterations, ranked.completed_at, ranked.rank
  from (
    select j.id as job_id,
           j.user_id,
           p.handle,
           c.config ->> 'spec' as spec,
           (j.result ->> 'mean')::double precision as dps,
           (j.result ->> 'dpsError')::double precision as dps_error,
           j.total_iterations as iterations,
           j.completed_at,
           row_number() over (
             partition by c.config ->> 'spec'
             order by (j.result ->> 'mean')::double precision desc, j.completed_at, j.id
           )::integer as rank
      from public.jobs j
      join public.jobs_configs c on c.hash = j.config_hash
      left join public.user_profiles p on p.id = j.user_id
     where j.status = 'completed'
       and j.access_type = 'public'
       and j.completed_at > now() - interval '24 hours'
       and jsonb_typeof(j.result -> 'mean') = 'number'
       and jsonb_typeof(c.config -> 'spec') = 'string'
  ) as ranked
 where ranked.rank <= 10;

create unique index top_sims_daily_job_id_idx on public.top_sims_daily (job_id);
create index top_sims_daily_spec_rank_idx on public.top_sims_daily (spec, rank);

revoke all on public.spec_rankings_hourly, public.top_sims_daily from anon, authenticated;
grant select on public.spec_rankings_hourly, public.top_sims_daily to anon, authenticated, service_role;

create function public.refresh_stats_views() returns void
  language plpgsql volatile security definer set search_path = ''
  as $$
begin
  refresh materialized view concurrently public.spec_rankings_hourly;
  refresh materialized view concurrently public.top_sims_daily;
end
$$;

revoke all on function public.refresh_stats_views() from public, anon, authenticated;
grant execute on function public.refresh_stats_views() to service_role;
