-- Profiles for users who signed up before the on_auth_user_created trigger existed (a hosted
-- project that already had Auth users when these migrations were first applied). New users
-- get theirs from the trigger; this is a no-op on a fresh database.

do $backfill$
declare
  u record;
begin
  for u in
    select a.id, a.email, coalesce(a.raw_user_meta_data, '{}'::jsonb) as meta, coalesce(a.is_anonymous, false) as anon
      from auth.users a
     where not exists (select 1 from public.user_profiles p where p.id = a.id)
     order by a.id
  loop
    insert into public.user_profiles (id, handle, avatar_url)
    values (
      u.id,
      private.generate_handle(case
        when u.anon then 'guest'
        else coalesce(u.meta ->> 'user_name', u.meta ->> 'preferred_username', u.meta ->> 'name',
                      split_part(u.email, '@', 1))
      end),
      nullif(left(u.meta ->> 'avatar_url', 2048), '')
    );
  end loop;
end
$backfill$;
