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

/** Hunter's Mark, shared by every hunter spec (effect in engine/sim.ts `hit`, numbers in engine/ratings.ts). */
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
  durationMs: 3_600_000,
});

export const HUNTERS_MARK_SOURCE = { key: 'hunters_mark', name: "Hunter's Mark", school: 'nature' } as const;

/** Auras every hunter spec has. */
export const BLOODLUST = aura({
  id: 2825,
  key: 'bloodlust',
  name: 'Bloodlust',
  description: 'Haste increased by 30% for 40 sec (cast by the raid at the pull when the fight enables it).',
  durationMs: 40_000,
});

export const RADIANT_POWER = aura({
  id: 448730,
  key: 'radiant_power',
  name: 'Radiant Power',
  description: 'Agility increased by 2,000 for 15 sec (Authority of Radiant Power weapon enchant, RPPM).',
  durationMs: 15_000,
});

export const RADIANT_POWER_TALENT = {
  key: 'authority_of_radiant_power',
  name: 'Authority of Radiant Power (weapon enchant)',
  description:
    'Gear option: your attacks sometimes (2 procs per minute, hasted, with bad-luck protection) grant Radiant Power and deal Radiant damage.',
  spellId: 448710,
};
