import { describe, expect, it } from 'vitest';
import { simulate } from '../engine/run.ts';
import { specs } from '../specs/registry.ts';
import type { SpecId } from '../types.ts';
import { parseRotation } from './parser.ts';
import { specVocabulary } from '../specs/registry.ts';
import { RotationError } from './errors.ts';
import { BM_SIMC_STYLE, MM_SIMC_STYLE } from './test-support/simc-style-lists.ts';

const BM_WARNINGS = [
  'line 2: summon_pet is not modelled (a pet is out from the pull: Beast Mastery, or Marksmanship with Unbreakable Bond); ignored',
  'line 3: snapshot_stats is not modelled (stats are fixed for the whole fight); ignored',
  'line 5: use_item in actions.precombat is not used before the pull here; ignored',
  'line 6: potion in actions.precombat is not cast before the pull here; ignored',
  "line 6: potion.tempered_potion reads 0 (the potion's properties are not modelled)",
  'line 8: auto_shot is not modelled (auto shots always run); ignored',
  'line 9: retarget is not modelled (the rotation always starts on the primary target); ignored',
  'line 15: invoke_external_buff is not modelled (no external buffs such as Power Infusion here); ignored',
  'line 25: use_items uses unyielding_netherprism when worn; the other on-use items are not modelled',
  'line 26: use_item is not modelled (no on-use item of that name is modelled here, only unyielding_netherprism); ignored',
  'line 28: wild_thrash is not modelled (a hunter spell this spec does not have here); ignored',
  "line 31: buff 'beast_cleave' is not modelled here; buff.beast_cleave.remains reads 0 (the pet's buff is pet.main.buff.beast_cleave)",
  "line 32: buff 'natures_ally' is not modelled here; buff.natures_ally.react reads 0",
  'line 37: apex.2 reads 0 (Apex talent ranks are not modelled)',
  // Dire Beast is passive in 11.2 (120679 #1): the cast is SimC's, the summon comes from bleed ticks here.
  'line 39: dire_beast is not modelled (a hunter spell this spec does not have here); ignored',
  "line 41: buff 'cobra_fang' is not modelled here; buff.cobra_fang.at_max_stacks reads 0",
];

const MM_WARNINGS = [
  'line 2: snapshot_stats is not modelled (stats are fixed for the whole fight); ignored',
  'line 3: summon_pet is not modelled (a pet is out from the pull: Beast Mastery, or Marksmanship with Unbreakable Bond); ignored',
  'line 6: auto_shot is not modelled (auto shots always run); ignored',
  'line 12: invoke_external_buff is not modelled (no external buffs such as Power Infusion here); ignored',
  'line 19: use_items uses unyielding_netherprism when worn; the other on-use items are not modelled',
  'line 20: use_items uses unyielding_netherprism when worn; the other on-use items are not modelled',
  'line 21: moonlight_chakram is not modelled (a hunter spell this spec does not have here); ignored',
  'line 22: raid_event.adds.exists reads 0 (raid events are not modelled)',
  'line 22: raid_event.adds.in reads 0 (raid events are not modelled)',
  "line 25: talent 'unload' is not modelled here; talent.unload reads 0",
  "line 27: debuff 'sentinels_mark' is not modelled here; debuff.sentinels_mark.up reads 0",
  "line 32: debuff 'sentinels_mark' is not modelled here; debuff.sentinels_mark.down reads 1",
  'line 37: wailing_arrow is not modelled (a hunter spell this spec does not have here); ignored',
  "line 38: talent 'tactical_reload' is not modelled here; talent.tactical_reload reads 0",
  'line 38: interrupt_if=, interrupt_immediate=, interrupt_global= ignored: rapid_fire is always channelled to its end here (never interrupted, cancelled or chained)',
  // another season's set bonus (set_bonus.tww3_4pc, in the BM list, is modelled: no warning)
  "line 39: set bonus 'thewarwithin_season_2_4pc' is not modelled here; set_bonus.thewarwithin_season_2_4pc reads 0 (the set bonuses modelled are The War Within season 3's hunter set's: tww3_2pc, tww3_4pc)",
];

const CASES: [SpecId, string, string[], string[]][] = [
  ['bm-hunter', BM_SIMC_STYLE, BM_WARNINGS, ['kill_command', 'barbed_shot', 'bestial_wrath', 'cobra_shot']],
  ['mm-hunter', MM_SIMC_STYLE, MM_WARNINGS, ['aimed_shot', 'rapid_fire', 'trueshot', 'steady_shot']],
];

/** Mean DPS of `rotation` with the spec's default config (same seed for every rotation). */
function dps(
  spec: SpecId,
  rotation?: string,
): { mean: number; abilities: Record<string, { casts: number }> } {
  const config = specs.find((s) => s.id === spec)!.defaultConfig();
  if (rotation !== undefined) config.rotation = rotation;
  const r = simulate(config, { seed: 11, seedOffset: 0, iterations: 40 });
  return { mean: r.mean, abilities: r.abilities };
}

describe.each(CASES)('%s list in SimulationCraft style', (spec, text, warnings, casts) => {
  it('loads every line, with exactly the expected warnings', () => {
    const rotation = parseRotation(text, specVocabulary(spec));
    expect(rotation.warnings.map((w) => w.message)).toEqual(warnings);
  });

  it('runs a sim to a DPS near the default rotation, casting the main spells', () => {
    const pasted = dps(spec, text);
    const reference = dps(spec);
    const ratio = pasted.mean / reference.mean;
    expect(ratio).toBeGreaterThan(0.7);
    expect(ratio).toBeLessThan(1.3);
    for (const key of casts) expect(pasted.abilities[key]?.casts ?? 0).toBeGreaterThan(0);
  });

  it('names the line of every warning, and that line holds the name it warns about', () => {
    const lines = text.split('\n');
    const rotation = parseRotation(text, specVocabulary(spec));
    expect(rotation.warnings.length).toBeGreaterThan(0);
    for (const w of rotation.warnings) {
      expect(w.message.startsWith(`line ${w.line}: `)).toBe(true);
      // the quoted name ("talent 'unload' ...") or else the action / property the message starts with
      const name = /'(\w+)'/.exec(w.message)?.[1] ?? /^line \d+: ([\w.]+)/.exec(w.message)![1]!;
      expect(lines[w.line - 1]).toContain(name);
      // the column points at the token that holds the name
      const token = /^[\w.]+/.exec(lines[w.line - 1]!.slice(w.column - 1))?.[0] ?? '';
      expect(token).toContain(name);
    }
  });
});

describe('names that are not real stay errors', () => {
  it.each([
    ['actions=kill_command,if=talent.black_arow', 1, 32, "unknown talent 'black_arow'"],
    ['actions=kill_command\nactions+=/summon_pett', 2, 11, "unknown action 'summon_pett'"],
    ['actions=kill_command,if=buff.beast_cleeve.up', 1, 30, "unknown buff 'beast_cleeve'"],
    ['actions=kill_command,if=hero_tree.pack_lead', 1, 35, "unknown hero tree 'pack_lead'"],
    ['actions=kill_command,if=trinket_1.has_use_buff', 1, 25, "unknown property 'trinket_1.has_use_buff'"],
    ['actions=variable,name=x,value=cast_time', 1, 31, "'cast_time' belongs to an action"],
    ['actions=kill_command,if=floor(focus', 1, 36, "missing ')'"],
    ['actions=kill_command,if=round(focus)', 1, 25, "unknown function 'round'"],
    ['actions=potion,if=(focus', 1, 25, "missing ')'"],
    ['actions=kill_command,cycle_targets=1,target_if=min:focus', 1, 22, 'cannot be combined'],
    ['actions=kill_command,if=!talent.multi_shot', 1, 33, "unknown talent 'multi_shot'"],
    ['actions=kill_command,if=buff.blighted_quivers.up', 1, 30, "unknown buff 'blighted_quivers'"],
    // an item's buff is known by SimC's fallback buffs (simc-names.ts ITEM_BUFFS); a misspelt one is not
    ['actions=kill_command,if=buff.latent_energie.stack>10', 1, 30, "unknown buff 'latent_energie'"],
    // Object's own members are no names of any table
    ['actions=kill_command,if=buff.constructor.up', 1, 30, "unknown buff 'constructor'"],
    ['actions=kill_command,if=cooldown.toString.ready', 1, 34, "unknown cooldown 'toString'"],
    ['actions=kill_command,if=constructor.x', 1, 25, "unknown property 'constructor.x'"],
    ['actions=kill_command,if=valueOf>1', 1, 25, "unknown property 'valueOf'"],
    ['actions=kill_command,if=buff.__proto__.up', 1, 30, "unknown buff '__proto__'"],
    ['actions=kill_command,if=hero_tree.constructor', 1, 35, "unknown hero tree 'constructor'"],
    ['actions=constructor', 1, 9, "unknown action 'constructor'"],
    ['actions=kill_command,constructor=1', 1, 22, "unknown option 'constructor'"],
    ['actions=kill_command,if=cooldown.bestial_wrath.remains_gess<5', 1, 48, "unknown property 'cooldown."],
    ['actions=kill_command,if=action.kill_command.cooldown_reakt', 1, 45, "unknown property 'action."],
    ['actions=kill_command,if=buff.withering_fire.tick_time_remain>1', 1, 45, "unknown property 'buff."],
    ['actions=kill_command,if=focus+cast_regn<50', 1, 31, "unknown property 'cast_regn'"],
    ['actions=variable,name=x,value=cast_regen', 1, 31, "'cast_regen' belongs to an action"],
    ['actions=kill_command,interupt_if=1', 1, 22, "unknown option 'interupt_if'"],
    ['actions=kill_command,interrupt_if=1', 1, 22, 'kill_command is not channelled'],
  ])('%s', (text, line, column, message) => {
    let error: unknown;
    try {
      parseRotation(text, specVocabulary('bm-hunter'));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RotationError);
    const e = error as RotationError;
    expect([e.line, e.column]).toEqual([line, column]);
    expect(e.message).toContain(message);
  });
});
