-- Game data the portal reads (schema `game`): classes, specs, spec traits (talents), spells,
-- auras, items, global colors and strings. Filled by supabase/seed.sql, which is generated
-- from @wowlab/sim-core's spec data (supabase/db/scripts/gen-seed.ts). Read-only for
-- everybody but service_role (RLS + grants in a later migration).

create schema if not exists game;

create table game.classes (
  id integer primary key,
  name text not null,
  slug text not null unique,
  color text not null check (color ~ '^#[0-9a-f]{6}$'),
  icon text
);

create table game.specs (
  id integer primary key,
  class_id integer not null references game.classes (id) on delete cascade,
  class_name text not null,
  slug text not null unique,
  name text not null,
  role text not null check (role in ('dps', 'tank', 'healer')),
  order_index integer not null default 0,
  icon text,
  description text not null default ''
);
create index specs_class_id_idx on game.specs (class_id);
create index specs_class_name_order_idx on game.specs (class_name, order_index);

create table game.specs_traits (
  id bigint generated always as identity primary key,
  spec_id integer not null references game.specs (id) on delete cascade,
  key text not null,
  name text not null,
  description text not null default '',
  spell_id integer,
  order_index integer not null default 0,
  unique (spec_id, key)
);

create table game.spells (
  id integer primary key,
  key text not null,
  name text not null,
  description text not null default '',
  school text not null,
  cooldown_ms integer check (cooldown_ms >= 0),
  cost integer check (cost >= 0),
  icon text,
  spec_ids integer[] not null default '{}'
);

create table game.auras (
  spell_id integer primary key,
  key text not null,
  name text not null,
  description text not null default '',
  duration_ms integer not null check (duration_ms >= 0),
  max_stacks integer not null default 1 check (max_stacks >= 1),
  icon text
);

create table game.items (
  id integer primary key,
  name text not null,
  quality integer not null default 4 check (quality between 0 and 8),
  item_level integer not null check (item_level > 0),
  slot text not null,
  icon text,
  stats jsonb not null default '{}'::jsonb check (jsonb_typeof(stats) = 'object')
);

create table game.global_colors (
  name text primary key,
  color text not null check (color ~ '^#[0-9a-f]{6}$')
);

create table game.global_strings (
  tag text primary key,
  value text not null
);
