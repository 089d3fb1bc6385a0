-- supabase/seed.sql: game data generated from @wowlab/sim-core by
-- `pnpm --filter @wowlab/db exec tsx scripts/gen-seed.ts`. Generated: do not edit.
-- Idempotent: upserts, and removes spells, auras and traits the simulator no longer has.

insert into game.classes (id, name, slug, color, icon) values
  (3, 'Hunter', 'hunter', '#aad372', 'classicon_hunter')
on conflict (id) do update set
  name = excluded.name,
  slug = excluded.slug,
  color = excluded.color,
  icon = excluded.icon;

insert into game.specs (id, class_id, class_name, slug, name, role, order_index, icon, description) values
  (253, 3, 'Hunter', 'bm-hunter', 'Beast Mastery', 'dps', 0, null, ''),
  (254, 3, 'Hunter', 'mm-hunter', 'Marksmanship', 'dps', 1, null, '')
on conflict (id) do update set
  class_id = excluded.class_id,
  class_name = excluded.class_name,
  slug = excluded.slug,
  name = excluded.name,
  role = excluded.role,
  order_index = excluded.order_index,
  icon = excluded.icon,
  description = excluded.description;

delete from game.specs_traits t where t.spec_id in (253, 254)
  and (t.spec_id, t.key) not in ((253, 'alpha_predator'), (253, 'wild_call'), (253, 'barbed_wrath'), (253, 'thrill_of_the_hunt'), (253, 'killer_instinct'), (253, 'kill_cleave'), (253, 'dire_beast'), (253, 'animal_companion'), (253, 'bloodshed'), (253, 'call_of_the_wild'), (253, 'pack_tactics'), (253, 'authority_of_radiant_power'), (253, 'black_arrow'), (253, 'deathblow'), (253, 'bleak_arrows'), (253, 'ebon_bowstring'), (253, 'withering_fire'), (253, 'the_bell_tolls'), (253, 'banshees_mark'), (253, 'bleak_powder'), (253, 'soul_drinker'), (253, 'umbral_reach'), (253, 'keen_eyesight'), (253, 'serrated_tips'), (253, 'specialized_arsenal'), (253, 'blackrock_munitions'), (253, 'harmonize'), (253, 'trigger_finger'), (253, 'unnatural_causes'), (254, 'precise_shots'), (254, 'streamline'), (254, 'bulletstorm'), (254, 'unerring_vision'), (254, 'unmatched_precision'), (254, 'surging_shots'), (254, 'penetrating_shots'), (254, 'in_the_rhythm'), (254, 'windrunner_quiver'), (254, 'precision_detonation'), (254, 'shrapnel_shot'), (254, 'moving_target'), (254, 'magnetic_gunpowder'), (254, 'focused_aim'), (254, 'tensile_bowstring'), (254, 'headshot'), (254, 'deathblow'), (254, 'improved_deathblow'), (254, 'bullseye'), (254, 'master_marksman'), (254, 'ammo_conservation'), (254, 'sentinel'), (254, 'lunar_storm'), (254, 'sentinel_precision'), (254, 'careful_aim'), (254, 'lock_and_load'), (254, 'steady_focus'), (254, 'trick_shots'), (254, 'explosive_shot'), (254, 'authority_of_radiant_power'), (254, 'black_arrow'), (254, 'bleak_arrows'), (254, 'ebon_bowstring'), (254, 'withering_fire'), (254, 'the_bell_tolls'), (254, 'banshees_mark'), (254, 'bleak_powder'), (254, 'soul_drinker'), (254, 'umbral_reach'), (254, 'keen_eyesight'), (254, 'serrated_tips'), (254, 'specialized_arsenal'), (254, 'blackrock_munitions'), (254, 'harmonize'), (254, 'trigger_finger'), (254, 'unnatural_causes'));
insert into game.specs_traits (spec_id, key, name, description, spell_id, order_index) values
  (253, 'alpha_predator', 'Alpha Predator', 'Kill Command has 2 charges and deals 15% more damage.', 269737, 0),
  (253, 'wild_call', 'Wild Call', 'Auto Shot critical strikes have a 20% chance to reset a charge of Barbed Shot.', 185789, 1),
  (253, 'barbed_wrath', 'Barbed Wrath', 'Barbed Shot reduces the cooldown of Bestial Wrath by 12 sec.', 231548, 2),
  (253, 'thrill_of_the_hunt', 'Thrill of the Hunt', 'Barbed Shot grants 2% critical strike chance for 12 sec, stacking 3 times.', 257944, 3),
  (253, 'killer_instinct', 'Killer Instinct', 'Kill Command deals 16% more damage (2 ranks).', 273887, 4),
  (253, 'kill_cleave', 'Kill Cleave', 'While Beast Cleave is active, Kill Command also hits other nearby enemies for 80% of its damage.', 378207, 5),
  (253, 'dire_beast', 'Dire Beast', 'Each tick of your bleeds has a 4% chance to summon a Dire Beast that attacks for 8 sec.', 120679, 6),
  (253, 'animal_companion', 'Animal Companion', 'A second pet from your stable fights beside your pet and obeys Kill Command; both deal 35% less damage.', 267116, 7),
  (253, 'bloodshed', 'Bloodshed', 'Your pet makes the target bleed for 12 sec (1 min cooldown).', 321530, 8),
  (253, 'call_of_the_wild', 'Call of the Wild', 'Two additional pets fight for 20 sec (2 min cooldown).', 359844, 9),
  (253, 'pack_tactics', 'Pack Tactics', 'Passive Focus generation increased by 125%.', 321014, 10),
  (253, 'authority_of_radiant_power', 'Authority of Radiant Power (weapon enchant)', 'Gear option: your attacks sometimes (2 procs per minute, hasted, with bad-luck protection) grant Radiant Power and deal Radiant damage.', 448710, 11),
  (253, 'black_arrow', 'Black Arrow', 'Dark Ranger keystone: Kill Shot is replaced with Black Arrow.', 466932, 12),
  (253, 'deathblow', 'Deathblow', 'Kill Command (BM) or Aimed Shot (MM) has a 10% chance to reset Black Arrow / Kill Shot and make it usable at any health.', 343248, 13),
  (253, 'bleak_arrows', 'Bleak Arrows', 'Auto Shot deals Shadow damage (no armor) and may grant Deathblow (20% BM, 8% MM).', 467749, 14),
  (253, 'ebon_bowstring', 'Ebon Bowstring', 'Casting Black Arrow has a 15% chance to grant Deathblow.', 467897, 15),
  (253, 'withering_fire', 'Withering Fire', 'During Call of the Wild (BM) or Trueshot (MM), Black Arrow fires 2 more arrows; Deathblow at once (and every 4 sec for BM).', 466990, 16),
  (253, 'the_bell_tolls', 'The Bell Tolls', 'Black Arrow increases your damage (and BM pets’) by 6% (BM) or 3% (MM) for 12 sec; overlaps.', 467644, 17),
  (253, 'banshees_mark', 'Banshee''s Mark', 'Black Arrow''s initial hit has a 15% chance to summon crows: Shadow damage over 15 sec.', 467902, 18),
  (253, 'bleak_powder', 'Bleak Powder', 'Black Arrow explodes on the other enemies near the target for Shadow damage (reduced beyond 8).', 467911, 19),
  (253, 'soul_drinker', 'Soul Drinker', 'Black Arrow damage increased by 8%, Bleak Powder by 10%.', 469638, 20),
  (253, 'umbral_reach', 'Umbral Reach', 'Black Arrow periodic damage increased by 100%; Bleak Powder applies the dot, and on 2+ enemies grants Beast Cleave / Trick Shots.', 1235397, 21),
  (253, 'keen_eyesight', 'Keen Eyesight', 'Critical strike chance increased by 4% (2 ranks).', 378004, 22),
  (253, 'serrated_tips', 'Serrated Tips', 'You gain 5% more critical strike from critical strike sources.', 459502, 23),
  (253, 'specialized_arsenal', 'Specialized Arsenal', 'Kill Command (Beast Mastery) or Aimed Shot (Marksmanship) deals 10% increased damage.', 459542, 24),
  (253, 'blackrock_munitions', 'Blackrock Munitions', 'The damage of Explosive Shot is increased by 8%. Pet damage bonus of Harmonize increased by 2%.', 462036, 25),
  (253, 'harmonize', 'Harmonize', 'All pet damage dealt increased by 4% (not guardians such as Dire Beast).', 1245926, 26),
  (253, 'trigger_finger', 'Trigger Finger', 'You and your pet have increased attack speed (2 ranks), more if you do not have an active pet.', 459534, 27),
  (253, 'unnatural_causes', 'Unnatural Causes', 'Your damage over time effects deal 10% increased damage, 15% on targets below 20% health.', 459527, 28),
  (254, 'precise_shots', 'Precise Shots', 'Aimed Shot makes your next Arcane Shot or Multi-Shot deal 100% more damage, cost 40% less Focus and have a 50% shorter GCD. Auto Shot deals 100% more damage, 2 sec slower.', 260240, 0),
  (254, 'streamline', 'Streamline', 'Rapid Fire deals 15% more damage and makes your next Aimed Shot cost 20% less Focus and cast 20% faster (2 stacks).', 260367, 1),
  (254, 'bulletstorm', 'Bulletstorm', 'Each Rapid Fire hit increases Aimed Shot damage by 2% for 15 sec, up to 15 stacks.', 389019, 2),
  (254, 'unerring_vision', 'Unerring Vision', 'Trueshot increases critical strike chance by an additional 10% and critical strike damage by 20%.', 474738, 3),
  (254, 'unmatched_precision', 'Unmatched Precision', 'The damage bonus of Precise Shots is increased by 40% (both ranks).', 1232955, 4),
  (254, 'surging_shots', 'Surging Shots', 'Rapid Fire deals 35% more damage; Aimed Shot has a 15% chance to reset its cooldown.', 391559, 5),
  (254, 'penetrating_shots', 'Penetrating Shots', 'Gain critical strike damage equal to 40% of your critical strike chance.', 459783, 6),
  (254, 'in_the_rhythm', 'In the Rhythm', 'When Rapid Fire finishes channeling, the time between your Auto Shots is reduced by 1.0 sec for 12 sec.', 407404, 7),
  (254, 'windrunner_quiver', 'Windrunner Quiver', 'Precise Shots can now stack up to 2 times, but its damage bonus is reduced by 10%. Casting Aimed Shot has a 100% chance to grant an additional stack.', 473523, 8),
  (254, 'precision_detonation', 'Precision Detonation', 'When Aimed Shot damages a target affected by your Explosive Shot, Explosive Shot instantly explodes, dealing 40% increased damage. Explosive Shot grants Streamline.', 471369, 9),
  (254, 'shrapnel_shot', 'Shrapnel Shot', 'Casting Explosive Shot has a 100% chance to grant Lock and Load.', 473520, 10),
  (254, 'moving_target', 'Moving Target', 'Consuming Precise Shots increases the damage of your next Aimed Shot by 8% and grants Streamline.', 474296, 11),
  (254, 'magnetic_gunpowder', 'Magnetic Gunpowder', 'Consuming Precise Shots reduces the cooldown of Explosive Shot by 2.0 sec; consuming Lock and Load by 8.0 sec.', 473522, 12),
  (254, 'focused_aim', 'Focused Aim', 'Consuming Precise Shots reduces the cooldown of Aimed Shot by 0.75 sec.', 378767, 13),
  (254, 'tensile_bowstring', 'Tensile Bowstring', 'While Trueshot is active, consuming Precise Shots extends Trueshot''s duration by 1.0 sec, up to 5.0 sec. Trueshot increases the effectiveness of Streamline by 50%.', 471366, 14),
  (254, 'headshot', 'Headshot', 'Kill Shot can now benefit from Precise Shots at 25% effectiveness. Kill Shot consumes Precise Shots.', 471363, 15),
  (254, 'deathblow', 'Deathblow', 'Aimed Shot has a 10% chance to reset Kill Shot and make the next one usable at any health.', 343248, 16),
  (254, 'improved_deathblow', 'Improved Deathblow', 'Aimed Shot has a 15% and Rapid Fire a 25% chance to grant Deathblow. Kill Shot critical strike damage increased by 25%.', 378769, 17),
  (254, 'bullseye', 'Bullseye', 'When your abilities damage a target below 20% health, you gain 1% increased critical strike chance for 6 sec, stacking up to 30 times.', 204089, 18),
  (254, 'master_marksman', 'Master Marksman', 'Your ranged ability critical strikes cause the target to bleed for an additional 15% of the damage dealt over 6 sec.', 260309, 19),
  (254, 'ammo_conservation', 'Ammo Conservation', 'Rapid Fire shoots 3 additional shots. Aimed Shot cooldown reduced by 1.0 sec.', 459794, 20),
  (254, 'sentinel', 'Sentinel (hero)', 'Your attacks have a chance to apply Sentinel; above 3 stacks an implosion may consume a stack every 2 sec for Arcane damage.', 450369, 21),
  (254, 'lunar_storm', 'Lunar Storm (hero)', 'Every 30 sec, Rapid Fire is reset and your next Rapid Fire also calls a Lunar Storm: Arcane damage to every enemy, then for 12 sec a random enemy with Sentinel is struck every 0.4 sec and takes 10% more damage from you for 8 sec.', 450385, 22),
  (254, 'sentinel_precision', 'Sentinel Precision (hero)', 'Aimed Shot and Rapid Fire deal 5% increased damage.', 450375, 23),
  (254, 'careful_aim', 'Careful Aim', 'No effect since 11.1: the talent left the tree and its spell no longer modifies Aimed Shot (accepted for older configs).', 260228, 24),
  (254, 'lock_and_load', 'Lock and Load', 'Auto Shots have a 10% chance to restore an Aimed Shot charge and make your next Aimed Shot free and instant.', 194595, 25),
  (254, 'steady_focus', 'Steady Focus', 'Steady Shot grants 8% haste for 15 sec.', 193533, 26),
  (254, 'trick_shots', 'Trick Shots', 'Multi-Shot at 3+ targets makes your next Aimed Shot or Rapid Fire ricochet.', 257621, 27),
  (254, 'explosive_shot', 'Explosive Shot', 'Learn Explosive Shot (30 sec cooldown).', 212431, 28),
  (254, 'authority_of_radiant_power', 'Authority of Radiant Power (weapon enchant)', 'Gear option: your attacks sometimes (2 procs per minute, hasted, with bad-luck protection) grant Radiant Power and deal Radiant damage.', 448710, 29),
  (254, 'black_arrow', 'Black Arrow', 'Dark Ranger keystone: Kill Shot is replaced with Black Arrow.', 466932, 30),
  (254, 'bleak_arrows', 'Bleak Arrows', 'Auto Shot deals Shadow damage (no armor) and may grant Deathblow (20% BM, 8% MM).', 467749, 31),
  (254, 'ebon_bowstring', 'Ebon Bowstring', 'Casting Black Arrow has a 15% chance to grant Deathblow.', 467897, 32),
  (254, 'withering_fire', 'Withering Fire', 'During Call of the Wild (BM) or Trueshot (MM), Black Arrow fires 2 more arrows; Deathblow at once (and every 4 sec for BM).', 466990, 33),
  (254, 'the_bell_tolls', 'The Bell Tolls', 'Black Arrow increases your damage (and BM pets’) by 6% (BM) or 3% (MM) for 12 sec; overlaps.', 467644, 34),
  (254, 'banshees_mark', 'Banshee''s Mark', 'Black Arrow''s initial hit has a 15% chance to summon crows: Shadow damage over 15 sec.', 467902, 35),
  (254, 'bleak_powder', 'Bleak Powder', 'Black Arrow explodes on the other enemies near the target for Shadow damage (reduced beyond 8).', 467911, 36),
  (254, 'soul_drinker', 'Soul Drinker', 'Black Arrow damage increased by 8%, Bleak Powder by 10%.', 469638, 37),
  (254, 'umbral_reach', 'Umbral Reach', 'Black Arrow periodic damage increased by 100%; Bleak Powder applies the dot, and on 2+ enemies grants Beast Cleave / Trick Shots.', 1235397, 38),
  (254, 'keen_eyesight', 'Keen Eyesight', 'Critical strike chance increased by 4% (2 ranks).', 378004, 39),
  (254, 'serrated_tips', 'Serrated Tips', 'You gain 5% more critical strike from critical strike sources.', 459502, 40),
  (254, 'specialized_arsenal', 'Specialized Arsenal', 'Kill Command (Beast Mastery) or Aimed Shot (Marksmanship) deals 10% increased damage.', 459542, 41),
  (254, 'blackrock_munitions', 'Blackrock Munitions', 'The damage of Explosive Shot is increased by 8%. Pet damage bonus of Harmonize increased by 2%.', 462036, 42),
  (254, 'harmonize', 'Harmonize', 'All pet damage dealt increased by 4% (not guardians such as Dire Beast).', 1245926, 43),
  (254, 'trigger_finger', 'Trigger Finger', 'You and your pet have increased attack speed (2 ranks), more if you do not have an active pet.', 459534, 44),
  (254, 'unnatural_causes', 'Unnatural Causes', 'Your damage over time effects deal 10% increased damage, 15% on targets below 20% health.', 459527, 45)
on conflict (spec_id, key) do update set
  name = excluded.name,
  description = excluded.description,
  spell_id = excluded.spell_id,
  order_index = excluded.order_index;

delete from game.spells where id not in (2643, 19434, 19574, 26297, 34026, 53351, 56641, 185358, 193455, 212431, 217200, 257044, 257284, 257620, 265221, 274738, 288613, 321530, 359844, 431932, 466930);
insert into game.spells (id, key, name, description, school, cooldown_ms, cost, icon, spec_ids) values
  (2643, 'multishot', 'Multi-Shot', 'Fires several missiles, hitting all nearby enemies, and grants your pet Beast Cleave for 6 sec.', 'physical', null, 40, null, array[253]),
  (19434, 'aimed_shot', 'Aimed Shot', 'A powerful aimed shot that deals Physical damage and grants Precise Shots.', 'physical', 12000, 35, null, array[254]),
  (19574, 'bestial_wrath', 'Bestial Wrath', 'You and your pet deal 30% more damage for 15 sec.', 'physical', 90000, null, null, array[253]),
  (26297, 'berserking', 'Berserking', 'Troll racial: haste increased by 10% for 12 sec.', 'physical', 180000, null, null, array[253, 254]),
  (34026, 'kill_command', 'Kill Command', 'Your pet savagely attacks the target for a large amount of Physical damage.', 'physical', 7500, 30, null, array[253]),
  (53351, 'kill_shot', 'Kill Shot', 'You attempt to finish off a wounded target (below 20% health), dealing large Physical damage.', 'physical', 10000, 10, null, array[253, 254]),
  (56641, 'steady_shot', 'Steady Shot', 'A steady shot that causes Physical damage, generates 20 Focus and reduces the cooldown of Aimed Shot by 2 sec.', 'physical', null, null, null, array[254]),
  (185358, 'arcane_shot', 'Arcane Shot', 'A quick shot that causes Arcane damage.', 'arcane', null, 40, null, array[254]),
  (193455, 'cobra_shot', 'Cobra Shot', 'A quick shot that deals Physical damage and reduces the remaining cooldown of Kill Command by 1 sec.', 'physical', null, 35, null, array[253]),
  (212431, 'explosive_shot', 'Explosive Shot', 'Fires an explosive shot that detonates after 3 sec, dealing Fire damage to all enemies near the target.', 'fire', 30000, 20, null, array[254]),
  (217200, 'barbed_shot', 'Barbed Shot', 'Fire a shard into the target, causing it to bleed over 12 sec and sending your pet into a Frenzy; regenerates 20 Focus over 8 sec.', 'physical', 18000, null, null, array[253]),
  (257044, 'rapid_fire', 'Rapid Fire', 'Shoot a stream of 7 shots over 2 sec, each dealing Physical damage and generating 2 Focus.', 'physical', 20000, null, null, array[254]),
  (257284, 'hunters_mark', 'Hunter''s Mark', 'Marks the target: you and your pets deal 5% more damage to it while it is above 80% health.', 'nature', null, null, null, array[253, 254]),
  (257620, 'multishot', 'Multi-Shot', 'Fires several missiles, hitting all nearby enemies; with 3+ targets grants Trick Shots.', 'physical', null, 30, null, array[254]),
  (265221, 'fireblood', 'Fireblood', 'Dark Iron Dwarf racial: agility increased for 8 sec.', 'physical', 120000, null, null, array[253, 254]),
  (274738, 'ancestral_call', 'Ancestral Call', 'Mag''har Orc racial: one of your two highest secondary stats increased for 15 sec.', 'physical', 120000, null, null, array[253, 254]),
  (288613, 'trueshot', 'Trueshot', 'For 15 sec Aimed Shot and Rapid Fire recharge 150% faster, critical strike chance is increased by 10% and critical strike damage by 20%.', 'physical', 120000, null, null, array[254]),
  (321530, 'bloodshed', 'Bloodshed', 'Your pet tears into the target, causing it to bleed over 12 sec.', 'physical', 60000, null, null, array[253]),
  (359844, 'call_of_the_wild', 'Call of the Wild', 'You call upon your stable: two additional pets fight at your side for 20 sec.', 'nature', 120000, null, null, array[253]),
  (431932, 'potion', 'Tempered Potion', 'Drinks the potion of the config (Tempered Potion: secondary stats up for 30 sec).', 'physical', 300000, null, null, array[253, 254]),
  (466930, 'black_arrow', 'Black Arrow', 'Replaces Kill Shot: Shadow damage plus a 14 sec Shadow dot; usable above 80% or below 20% health, or with Deathblow.', 'shadow', 10000, 10, null, array[253, 254])
on conflict (id) do update set
  key = excluded.key,
  name = excluded.name,
  description = excluded.description,
  school = excluded.school,
  cooldown_ms = excluded.cooldown_ms,
  cost = excluded.cost,
  icon = excluded.icon,
  spec_ids = excluded.spec_ids;

delete from game.auras where spell_id not in (2825, 19574, 26297, 118455, 131894, 186254, 193534, 194594, 204090, 212431, 217200, 257284, 257622, 257946, 260242, 265226, 272790, 274738, 288613, 312365, 321538, 342076, 359844, 378770, 389020, 407405, 431932, 448730, 450387, 450884, 451803, 451805, 466991, 468572, 474293);
insert into game.auras (spell_id, key, name, description, duration_ms, max_stacks, icon) values
  (2825, 'bloodlust', 'Bloodlust', 'Haste increased by 30% for 40 sec (cast by the raid at the pull when the fight enables it).', 40000, 1, null),
  (19574, 'bestial_wrath', 'Bestial Wrath', 'Damage dealt increased by 30%.', 15000, 1, null),
  (26297, 'berserking', 'Berserking', 'Haste increased by 10%.', 12000, 1, null),
  (118455, 'beast_cleave', 'Beast Cleave', 'Melee attacks also hit all other nearby enemies for 80% of the damage.', 6000, 1, null),
  (131894, 'a_murder_of_crows', 'A Murder of Crows (Banshee''s Mark)', 'Crows peck the target every 1 sec for Shadow damage.', 15000, 1, null),
  (186254, 'bestial_wrath', 'Bestial Wrath', 'Damage dealt increased by 30%.', 15000, 1, null),
  (193534, 'steady_focus', 'Steady Focus', 'Haste increased by 8%.', 15000, 1, null),
  (194594, 'lock_and_load', 'Lock and Load', 'Your next Aimed Shot costs no Focus and is instant (the proc also restores an Aimed Shot charge).', 15000, 1, null),
  (204090, 'bullseye', 'Bullseye', 'Critical strike chance increased by 1% per stack.', 6000, 30, null),
  (212431, 'explosive_shot', 'Explosive Shot', 'Detonates after 3 sec.', 3000, 1, null),
  (217200, 'barbed_shot', 'Barbed Shot', 'Bleeding for Physical damage every 2 sec.', 12000, 1, null),
  (257284, 'hunters_mark', 'Hunter''s Mark', 'Takes 5% more damage from the hunter while above 80% health. Lasts until cancelled.', 3600000, 1, null),
  (257622, 'trick_shots', 'Trick Shots', 'Your next Aimed Shot or Rapid Fire also hits up to 5 other targets for 60% of its damage.', 20000, 1, null),
  (257946, 'thrill_of_the_hunt', 'Thrill of the Hunt', 'Critical strike chance increased by 2% per stack (Barbed Shot).', 12000, 3, null),
  (260242, 'precise_shots', 'Precise Shots', 'Your next Arcane Shot or Multi-Shot deals 100% more damage and costs 40% less Focus.', 15000, 1, null),
  (265226, 'fireblood', 'Fireblood', 'Agility increased.', 8000, 1, null),
  (272790, 'frenzy', 'Frenzy', 'Attack speed increased by 30% per stack.', 12000, 3, null),
  (274738, 'ancestral_call', 'Ancestral Call', 'One of your two highest secondary stats increased.', 15000, 1, null),
  (288613, 'trueshot', 'Trueshot', 'Aimed Shot and Rapid Fire recharge 150% faster, critical strike chance +10%, critical strike damage +20%.', 15000, 1, null),
  (312365, 'thrill_of_the_hunt', 'Thrill of the Hunt', 'Critical strike chance increased by 2% per stack (Barbed Shot).', 12000, 3, null),
  (321538, 'bloodshed', 'Bloodshed', 'Bleeding for Physical damage every 1 sec.', 12000, 1, null),
  (342076, 'streamline', 'Streamline', 'Your next Aimed Shot has its Focus cost and cast time reduced by 20% per stack.', 15000, 2, null),
  (359844, 'call_of_the_wild', 'Call of the Wild', 'Two additional pets are fighting at your side.', 20000, 1, null),
  (378770, 'deathblow', 'Deathblow', 'Your next Black Arrow (or Kill Shot) can be used regardless of the target’s health.', 12000, 1, null),
  (389020, 'bulletstorm', 'Bulletstorm', 'Aimed Shot damage increased by 2% per stack; new stacks do not refresh the duration, Rapid Fire removes it.', 15000, 15, null),
  (407405, 'in_the_rhythm', 'In the Rhythm', 'The time between your Auto Shots is reduced by 1.0 sec.', 12000, 1, null),
  (431932, 'tempered_potion', 'Tempered Potion', 'Secondary stats of every inactive Tempered flask increased for 30 sec.', 30000, 1, null),
  (448730, 'radiant_power', 'Radiant Power', 'Agility increased by 2,000 for 15 sec (Authority of Radiant Power weapon enchant, RPPM).', 15000, 1, null),
  (450387, 'sentinel', 'Sentinel', 'Sentinel stacks; above 3 an implosion may start, consuming a stack for Arcane damage every 2 sec.', 1200000, 10, null),
  (450884, 'lunar_storm', 'Lunar Storm', 'Damage taken from the hunter increased by 10%.', 8000, 1, null),
  (451803, 'lunar_storm_cooldown', 'Lunar Storm Cooldown', 'You cannot summon a Lunar Storm.', 30000, 1, null),
  (451805, 'lunar_storm_ready', 'Lunar Storm Ready', 'Your next Rapid Fire will summon a Lunar Storm.', 3600000, 1, null),
  (466991, 'withering_fire', 'Withering Fire', 'Black Arrow fires 2 additional Black Arrows at 50% effectiveness.', 20000, 1, null),
  (468572, 'black_arrow', 'Black Arrow', 'Suffering Shadow damage every 1 sec.', 14000, 1, null),
  (474293, 'moving_target', 'Moving Target', 'The damage of your next Aimed Shot is increased by 8%.', 15000, 1, null)
on conflict (spell_id) do update set
  key = excluded.key,
  name = excluded.name,
  description = excluded.description,
  duration_ms = excluded.duration_ms,
  max_stacks = excluded.max_stacks,
  icon = excluded.icon;

insert into game.items (id, name, quality, item_level, slot, icon, stats) values
  (18713, 'Rhok''delar, Longbow of the Ancient Keepers', 5, 75, 'ranged', 'inv_weapon_bow_13', '{}'::jsonb),
  (19361, 'Ashjre''thul, Crossbow of Smiting', 4, 78, 'ranged', 'inv_weapon_crossbow_10', '{}'::jsonb),
  (32336, 'Black Bow of the Betrayer', 4, 151, 'ranged', 'inv_weapon_bow_32', '{}'::jsonb),
  (34334, 'Thori''dal, the Stars'' Fury', 5, 164, 'ranged', 'inv_weapon_bow_39', '{}'::jsonb),
  (50733, 'Fal''inrush, Defender of Quel''thalas', 4, 264, 'ranged', 'inv_weapon_crossbow_36', '{}'::jsonb)
on conflict (id) do update set
  name = excluded.name,
  quality = excluded.quality,
  item_level = excluded.item_level,
  slot = excluded.slot,
  icon = excluded.icon,
  stats = excluded.stats;

insert into game.global_colors (name, color) values
  ('class-hunter', '#aad372'),
  ('quality-poor', '#9d9d9d'),
  ('quality-common', '#ffffff'),
  ('quality-uncommon', '#1eff00'),
  ('quality-rare', '#0070dd'),
  ('quality-epic', '#a335ee'),
  ('quality-legendary', '#ff8000'),
  ('quality-artifact', '#e6cc80'),
  ('quality-heirloom', '#00ccff'),
  ('school-physical', '#ffff00'),
  ('school-holy', '#ffe680'),
  ('school-fire', '#ff8000'),
  ('school-nature', '#4dff4d'),
  ('school-frost', '#80ffff'),
  ('school-shadow', '#8080ff'),
  ('school-arcane', '#ff80ff')
on conflict (name) do update set
  color = excluded.color;

insert into game.global_strings (tag, value) values
  ('ROLE_DPS', 'Damage'),
  ('SCHOOL_PHYSICAL', 'Physical'),
  ('SCHOOL_HOLY', 'Holy'),
  ('SCHOOL_FIRE', 'Fire'),
  ('SCHOOL_NATURE', 'Nature'),
  ('SCHOOL_FROST', 'Frost'),
  ('SCHOOL_SHADOW', 'Shadow'),
  ('SCHOOL_ARCANE', 'Arcane'),
  ('FIGHT_PATCHWERK', 'Patchwerk (single target)'),
  ('FIGHT_CLEAVE', 'Cleave (several targets)'),
  ('DPS', 'Damage per second'),
  ('DPS_ERROR', 'DPS error (95% confidence)')
on conflict (tag) do update set
  value = excluded.value;
