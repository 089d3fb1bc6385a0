-- Avatars from the sign-in providers' image hosts only. user_profiles.avatar_url took any URL
-- (a user may update it, and a guest's or e-mail sign-up's metadata is theirs to write), and the
-- site shows it on the player's page to every visitor: a URL of the player's own server was a
-- tracking pixel that logged every visitor's address. Now a BEFORE trigger keeps an avatar only
-- when it is an https URL on Discord's, GitHub's, Google's or Twitch's image host (the providers
-- the site signs in with, site/src/lib/api/auth.ts OAuthProvider) and stores null otherwise, on
-- sign-up (private.handle_new_user's insert) and on every update.
create function private.user_profiles_safe_avatar() returns trigger
  language plpgsql set search_path = ''
  as $$
begin
  if new.avatar_url !~ '^https://(cdn\.discordapp\.com|media\.discordapp\.net|avatars\.githubusercontent\.com|lh[0-9]\.googleusercontent\.com|static-cdn\.jtvnw\.net)/[^[:space:]"''<>\\]*$' then
    new.avatar_url := null;
  end if;
  return new;
end
$$;

create trigger user_profiles_safe_avatar before insert or update of avatar_url on public.user_profiles
  for each row execute function private.user_profiles_safe_avatar();

-- the avatars stored before: the trigger keeps or clears each
update public.user_profiles set avatar_url = avatar_url where avatar_url is not null;

revoke all on function private.user_profiles_safe_avatar() from public, anon, authenticated;
