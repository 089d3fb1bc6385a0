-- Registrations of new node keys per client address (REGISTER_LIMIT_PER_HOUR; an IPv6
-- address counts by its /64) were counted in each sentinel instance's memory, so N instances
-- allowed N times the limit. The windows live here now: one row per address, a fixed
-- one-hour window, expired rows deleted by the sentinel's maintenance. Unlogged: a crash only
-- resets the counts. Only the sentinel (the owner) touches it; no API role has any
-- privilege, and RLS is on besides.
create unlogged table private.register_windows (
  address text primary key check (length(address) <= 64),
  window_start timestamptz not null,
  count integer not null check (count > 0)
);

-- maintenance deletes the windows that are over
create index register_windows_window_start_idx on private.register_windows (window_start);

alter table private.register_windows enable row level security;
revoke all on private.register_windows from public, anon, authenticated, service_role;
