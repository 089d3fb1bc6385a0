-- Triggers: NOTIFY wake-ups for the sentinel (`pending_chunk` once per distinct job per
-- statement, `node_claimed` when a node gets an owner), running chunks returned to pending
-- when their node is deleted, rotation checksum + version history, a profile with a unique
-- handle on sign-up, and updated_at maintenance. Payloads are tiny (an id): NOTIFY is only
-- a wake-up, the sentinel's periodic tick covers a lost one.

create function private.set_updated_at() returns trigger
  language plpgsql set search_path = ''
  as $$
begin
  new.updated_at := now();
  return new;
end
$$;

create trigger jobs_set_updated_at before update on public.jobs
  for each row execute function private.set_updated_at();
create trigger rotations_set_updated_at before update on public.rotations
  for each row execute function private.set_updated_at();
create trigger user_profiles_set_updated_at before update on public.user_profiles
  for each row execute function private.set_updated_at();

-- pending_chunk: statement-level with transition tables, one notification per distinct job.
create function private.notify_pending_chunks_inserted() returns trigger
  language plpgsql set search_path = ''
  as $$
begin
  perform pg_notify('pending_chunk', d.job_id::text)
     from (select distinct r.job_id from new_rows r where r.status = 'pending') as d;
  return null;
end
$$;

create function private.notify_pending_chunks_returned() returns trigger
  language plpgsql set search_path = ''
  as $$
begin
  perform pg_notify('pending_chunk', d.job_id::text)
     from (select distinct n.job_id
             from new_rows n join old_rows o on o.id = n.id
            where n.status = 'pending' and o.status <> 'pending') as d;
  return null;
end
$$;

create trigger jobs_chunks_notify_inserted after insert on public.jobs_chunks
  referencing new table as new_rows
  for each statement execute function private.notify_pending_chunks_inserted();
create trigger jobs_chunks_notify_returned after update on public.jobs_chunks
  referencing old table as old_rows new table as new_rows
  for each statement execute function private.notify_pending_chunks_returned();

-- node_claimed: a node got an owner (claim_node, or an insert with an owner).
create function private.notify_node_claimed() returns trigger
  language plpgsql set search_path = ''
  as $$
begin
  perform pg_notify('node_claimed', new.id::text);
  return null;
end
$$;

create trigger nodes_notify_claimed_on_insert after insert on public.nodes
  for each row when (new.user_id is not null)
  execute function private.notify_node_claimed();
create trigger nodes_notify_claimed_on_update after update of user_id on public.nodes
  for each row when (new.user_id is not null and old.user_id is distinct from new.user_id)
  execute function private.notify_node_claimed();

-- A deleted node's running chunks go back to pending (attempts + 1) instead of staying
-- "running" with node_id set to null. SECURITY DEFINER: the owner deleting their node
-- through the API may not update chunks.
create function private.release_node_chunks() returns trigger
  language plpgsql security definer set search_path = ''
  as $$
begin
  update public.jobs_chunks c
     set status = 'pending', node_id = null, claimed_at = null, attempts = c.attempts + 1
   where c.node_id = old.id and c.status = 'running';
  return old;
end
$$;

create trigger nodes_release_chunks before delete on public.nodes
  for each row execute function private.release_node_chunks();

-- Rotations: checksum = sha-256 hex of the script; every script change is a new version.
create function private.rotations_before_write() returns trigger
  language plpgsql set search_path = ''
  as $$
begin
  new.checksum := encode(sha256(convert_to(new.script, 'UTF8')), 'hex');
  if tg_op = 'INSERT' then
    new.current_version := 1;
  elsif new.script is distinct from old.script then
    new.current_version := old.current_version + 1;
  else
    new.current_version := old.current_version;
  end if;
  return new;
end
$$;

create function private.rotations_record_version() returns trigger
  language plpgsql security definer set search_path = ''
  as $$
begin
  insert into public.rotations_versions (rotation_id, version, script, checksum)
  values (new.id, new.current_version, new.script, new.checksum);
  return null;
end
$$;

create trigger rotations_before_write before insert or update on public.rotations
  for each row execute function private.rotations_before_write();
create trigger rotations_record_first_version after insert on public.rotations
  for each row execute function private.rotations_record_version();
create trigger rotations_record_new_version after update on public.rotations
  for each row when (new.current_version <> old.current_version)
  execute function private.rotations_record_version();

-- Profiles: one per auth user, with a unique handle derived from the sign-up metadata.
create function private.generate_handle(p_base text) returns text
  language plpgsql volatile set search_path = ''
  as $$
declare
  v_base text := left(regexp_replace(lower(coalesce(p_base, '')), '[^a-z0-9_-]+', '', 'g'), 24);
  v_handle text;
begin
  v_base := regexp_replace(v_base, '^[_-]+', '');
  if char_length(v_base) < 3 then
    v_base := 'user';
  end if;
  v_handle := v_base;
  while exists (select 1 from public.user_profiles p where p.handle = v_handle) loop
    v_handle := v_base || '-' || substr(md5(random()::text), 1, 6);
  end loop;
  return v_handle;
end
$$;

create function private.handle_new_user() returns trigger
  language plpgsql security definer set search_path = ''
  as $$
declare
  v_meta jsonb := coalesce(new.raw_user_meta_data, '{}'::jsonb);
  v_base text;
begin
  v_base := case
    when coalesce(new.is_anonymous, false) then 'guest'
    else coalesce(v_meta ->> 'user_name', v_meta ->> 'preferred_username', v_meta ->> 'name',
                  split_part(new.email, '@', 1))
  end;
  for attempt in 1..5 loop
    begin
      insert into public.user_profiles (id, handle, avatar_url)
      values (new.id, private.generate_handle(v_base),
              nullif(left(v_meta ->> 'avatar_url', 2048), ''));
      return null;
    exception when unique_violation then
      -- a concurrent sign-up took the same handle: pick another
      if attempt = 5 then
        raise;
      end if;
    end;
  end loop;
  return null;
end
$$;

create trigger on_auth_user_created after insert on auth.users
  for each row execute function private.handle_new_user();

revoke all on function private.set_updated_at(), private.notify_pending_chunks_inserted(),
  private.notify_pending_chunks_returned(), private.notify_node_claimed(), private.release_node_chunks(),
  private.rotations_before_write(), private.rotations_record_version(), private.generate_handle(text),
  private.handle_new_user() from public;
