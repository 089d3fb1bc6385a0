-- A deleted node's running process is told and stops asking (issue 15). When an owner deletes a
-- claimed node (or their account), its public key is remembered and the sentinels are told
-- (NOTIFY node_deleted): the node's socket is closed with "deleted", and a request signed with
-- that key is answered 410 instead of re-registering it as a new unclaimed node every few
-- seconds. Unclaimed nodes the sentinel's maintenance removes are not remembered: they may come
-- back and register again.
create table private.deleted_node_keys (
  public_key text primary key,
  deleted_at timestamptz not null default now()
);
alter table private.deleted_node_keys enable row level security;
revoke all on private.deleted_node_keys from public, anon, authenticated;

create function private.remember_deleted_node() returns trigger
  language plpgsql security definer set search_path = ''
  as $$
begin
  if old.user_id is not null then
    insert into private.deleted_node_keys (public_key) values (old.public_key) on conflict do nothing;
    perform pg_notify('node_deleted', old.id::text);
  end if;
  return old;
end
$$;
revoke all on function private.remember_deleted_node() from public;

create trigger nodes_remember_deleted after delete on public.nodes
  for each row execute function private.remember_deleted_node();
