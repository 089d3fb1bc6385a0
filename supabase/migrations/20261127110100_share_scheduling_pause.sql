-- /wlab pause-scheduling used to pause only the sentinel instance whose bot received it;
-- the others kept assigning. The flag now lives here, one row, and every change is
-- NOTIFYed on `sentinel_state` as 'paused:<version>' or 'running:<version>' so each instance
-- applies it at once (and re-reads it at start and after its LISTEN connection comes back);
-- `version` grows with every write, so an instance never applies an older state over a
-- newer one. Only the sentinel (table owner / service_role) reads or writes it: RLS on, no
-- policy, no grant to anon or authenticated; the one row is never inserted or deleted, so
-- service_role may only read and update it.
create table public.sentinel_state (
  id boolean primary key default true check (id),
  scheduling_paused boolean not null default false,
  version bigint not null default 0,
  updated_at timestamptz not null default now()
);
insert into public.sentinel_state default values;

alter table public.sentinel_state enable row level security;
revoke all on public.sentinel_state from anon, authenticated, service_role;
grant select, update on public.sentinel_state to service_role;

create function private.notify_sentinel_state() returns trigger
  language plpgsql set search_path = ''
  as $$
begin
  perform pg_notify('sentinel_state',
    case when new.scheduling_paused then 'paused:' else 'running:' end || new.version);
  return null;
end
$$;

create trigger sentinel_state_notify after update on public.sentinel_state
  for each row when (old.scheduling_paused is distinct from new.scheduling_paused)
  execute function private.notify_sentinel_state();

revoke all on function private.notify_sentinel_state() from public;
