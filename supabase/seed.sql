-- Minimal hand-written seed (placeholder until supabase/db/scripts/gen-seed.ts generates it
-- from @wowlab/sim-core's specs). Idempotent: upserts only.
insert into game.classes (id, name, slug, color, icon) values
  (3, 'Hunter', 'hunter', '#aad372', 'classicon_hunter')
on conflict (id) do update set name = excluded.name, slug = excluded.slug, color = excluded.color, icon = excluded.icon;

insert into game.specs (id, class_id, class_name, slug, name, role, order_index, icon, description) values
  (253, 3, 'Hunter', 'bm-hunter', 'Beast Mastery', 'dps', 0, 'ability_hunter_bestialdiscipline', ''),
  (254, 3, 'Hunter', 'mm-hunter', 'Marksmanship', 'dps', 1, 'ability_hunter_focusedaim', '')
on conflict (id) do update set class_id = excluded.class_id, class_name = excluded.class_name, slug = excluded.slug,
  name = excluded.name, role = excluded.role, order_index = excluded.order_index, icon = excluded.icon,
  description = excluded.description;
