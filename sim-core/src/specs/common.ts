import type { ActionDef, AuraDef, School } from './spec-types.ts';

/** Shorthand for an action definition with the usual defaults (instant, on the GCD, no cooldown). */
export function action(
  a: Pick<ActionDef, 'id' | 'key' | 'name' | 'description'> & Partial<ActionDef> & { school: School },
): ActionDef {
  return {
    cost: 0,
    cooldownMs: 0,
    charges: 1,
    hastedCooldown: false,
    gcd: true,
    castMs: 0,
    channelMs: 0,
    channelTicks: 0,
    castFocus: 0,
    executePct: 0,
    requiresPet: false,
    ...a,
  };
}

export function aura(
  a: Pick<AuraDef, 'id' | 'key' | 'name' | 'description' | 'durationMs'> & Partial<AuraDef>,
): AuraDef {
  return { maxStacks: 1, refresh: 'duration', ...a };
}

/**
 * Hunter's Mark, shared by every hunter spec (effect in engine/sim.ts `hit`, numbers in engine/ratings.ts:
 * 5 % damage taken from 428402 Hunter's Mark effect #1, above 80 % health from 257284 effect #3).
 * Spell data: World of Warcraft 11.2.0.63003 (SimulationCraft SpellDataDump, simc commit ab018d1176).
 */
export const HUNTERS_MARK = action({
  id: 257284,
  key: 'hunters_mark',
  name: "Hunter's Mark",
  description: 'Marks the target: you and your pets deal 5% more damage to it while it is above 80% health.',
  school: 'nature',
});

export const HUNTERS_MARK_DEBUFF = aura({
  id: 257284,
  key: 'hunters_mark',
  name: "Hunter's Mark",
  description: 'Takes 5% more damage from the hunter while above 80% health. Lasts until cancelled.',
  durationMs: 3_600_000, // 257284 Hunter's Mark: duration infinite (an hour stands for it)
});

export const HUNTERS_MARK_SOURCE = { key: 'hunters_mark', name: "Hunter's Mark", school: 'nature' } as const;

/**
 * Explosive Shot, a class-tree talent both specs cast (MM's own helper ./mm-hunter/explosive.ts; BM's
 * with Thundering Hooves, ./bm-hunter/explosive-shot.ts): the action, and the explosion's numbers.
 * Its missile speed is in ./projectiles.ts.
 */
export const EXPLOSIVE_SHOT = action({
  id: 212431,
  key: 'explosive_shot',
  name: 'Explosive Shot',
  description:
    'Fires an explosive shot that detonates after 3 sec, dealing Fire damage to all enemies near the target.',
  school: 'fire',
  cost: 20, // 212431 Explosive Shot: 20 Focus
  cooldownMs: 30_000, // 212431 Explosive Shot: cooldown 30 s
  talent: 'explosive_shot',
});

export const EXPLOSIVE_SHOT_NUMBERS = {
  ap: 2.91, // 212680 Explosive Shot (explosion), effect #1 (AP coefficient, Fire, every enemy within 8 yd)
  aoeCap: 5, // 212431 Explosive Shot, effect #2 (reduced damage beyond 5 targets)
  delayMs: 3000, // 212431 Explosive Shot: duration 3 s (it explodes when it ends)
} as const;

/** Auras every hunter spec has. */
export const BLOODLUST = aura({
  id: 2825,
  key: 'bloodlust',
  name: 'Bloodlust',
  description: 'Haste increased by 30% for 40 sec (cast by the raid at the pull when the fight enables it).',
  durationMs: 40_000, // 2825 Bloodlust (SpellDataDump/shaman.txt): duration 40 s
});

/** 2825 Bloodlust (SpellDataDump/shaman.txt), effect #1: +30 % haste. */
export const BLOODLUST_HASTE = 0.3;

export const RADIANT_POWER = aura({
  id: 448730,
  key: 'radiant_power',
  name: 'Radiant Power',
  description: 'Agility increased for 15 sec (Authority of Radiant Power weapon enchant).',
  durationMs: 15_000, // 448730 Authority of Radiant Power: duration 15 s (nonclass.txt 11.1.0.59679, 12.0.1.66102)
});
