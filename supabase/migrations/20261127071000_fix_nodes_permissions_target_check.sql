-- nodes_permissions.target_id: the first CHECK let a NULL target through for 'user' and
-- 'discord' grants (a regex match on NULL is NULL, which a CHECK accepts). Require it.

alter table public.nodes_permissions drop constraint nodes_permissions_target;
alter table public.nodes_permissions add constraint nodes_permissions_target check (
  case access_type
    when 'public' then target_id is null
    when 'user' then target_id is not null
      and target_id ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
    when 'discord' then target_id is not null and target_id ~ '^[0-9]{1,20}$'
    else false
  end
);
