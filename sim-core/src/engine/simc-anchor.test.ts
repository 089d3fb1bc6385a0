/**
 * An anchor against SimulationCraft's own numbers: its TWW3 Marksmanship profile (Dark Ranger),
 * as bloodytools simmed it with SimC 3945f09 on 2025-09-24 (castingpatchwerk, one target, 60,000
 * iterations; its trinket slots a 678 filler and nothing): 4,960,322 DPS. The same character here
 * (the profile's talent string, race, Gear Summary stats, armour slots and their modelled item
 * effects, tier set and its ilvl-723 bow, with our default Marksmanship rotation) must land within
 * the band below. The band is where the model stands: about 88 % of SimC, the rest being what the
 * model has no data for (the belt's disc, the weapon's own effect: about 0.5 % together by the
 * research's estimate) and what is not understood yet. A figure outside it is a regression
 * (before 2026-12-07 the weapon's share of attack power was missing and this profile came out at
 * 59 %; before the item effects of config `gear` (the meta gem, Dawnthread Linings, Reshii Wraps,
 * the weapon enchant) and SimC's consumable amounts it was 83 %) or an improvement: then move the
 * band and say why.
 */
import { describe, expect, it } from 'vitest';
import { parseProfile } from '../profile/profile.ts';
import { ENGINE_VERSION } from '../version.ts';
import { simulate } from './run.ts';

/** SimC 3945f09, bloodytools `Data/SimCraft/hunter/marksmanship/1.lua` base_dps (castingpatchwerk). */
const SIMC_DPS = 4_960_322;

const PROFILE = `hunter="anchor"
level=80
race=dwarf
spec=marksmanship
talents=C4PAAAAAAAAAAAAAAAAAAAAAAYMbDMgJY2YLwsAAAAAAAAAAAAAAzYGzMzMzYGZGjhZGYYWWmZwYmB22MzMjZxMDzMzMLLGzygZA
head=,id=237646,ilevel=723,gem_id=213743
neck=,id=185842,bonus_id=8781,ilevel=723,gem_id=213458/213491
shoulders=,id=237644,ilevel=723
back=,id=235499,bonus_id=12401/9893,ilevel=730,gem_id=238044
chest=,id=237649,ilevel=723
waist=,id=245965,gem_id=213467
legs=,id=237645,ilevel=723
feet=,id=243308,bonus_id=13504,ilevel=723
wrists=,id=219342,bonus_id=10421/9633/8902/12053/12050/1485/11303/8960/1808/8791,gem_id=213467
hands=,id=219341,bonus_id=10421/9633/8902/12053/12050/1485/11303/8960/8791
finger1=,id=237567,bonus_id=8781,ilevel=723,gem_id=213467/213467
finger2=,id=221200,bonus_id=8781,ilevel=723,gem_id=213467/213479
main_hand=,id=185783,ilevel=723,enchant_id=7439
gear_agility=76043
gear_crit_rating=23762
gear_haste_rating=9485
gear_mastery_rating=13753
gear_versatility_rating=5571
set_bonus=thewarwithin_season_3_2pc=1
set_bonus=thewarwithin_season_3_4pc=1
`;

describe("SimulationCraft's TWW3 Marksmanship profile", () => {
  it('comes out at 85–91 % of the DPS SimC gives it (the items it cannot read aside)', () => {
    const p = parseProfile(PROFILE, ENGINE_VERSION);
    expect(p.config.player.stats.weaponDps).toBeCloseTo(6247.13574, 5); // the ilvl-723 bow
    const r = simulate(p.config, { seed: 1, seedOffset: 0, iterations: 300 });
    const ratio = r.mean / SIMC_DPS;
    expect(ratio).toBeGreaterThan(0.85);
    expect(ratio).toBeLessThan(0.91);
  });
});
