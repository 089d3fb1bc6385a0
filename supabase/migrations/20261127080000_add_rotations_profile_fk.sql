-- Lets PostgREST embed a profile's rotations (`user_profiles?select=*,rotations(*)&handle=eq.X`,
-- seed map section B, useUserProfile) and a rotation's author (`rotations?select=*,user_profiles(handle)`):
-- embedding needs a foreign key between the two exposed tables. Every user has a profile (created by the
-- sign-up trigger, deleted with the user), so rotations.user_id can reference user_profiles.id as well as
-- auth.users.id.
alter table public.rotations
  add constraint rotations_user_id_profile_fkey
  foreign key (user_id) references public.user_profiles (id) on delete cascade;
