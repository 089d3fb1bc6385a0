/**
 * Player effects that are not the spec's: the potion, the racial abilities and Unyielding
 * Netherprism's use (APL actions with buffs), and the racial passives on haste and focus. The flask, food, oil and the other passive
 * racials are static and already in Sim's ratings and multipliers.
 * Numbers: specs/consumables.ts, specs/racials.ts. Every spec's data ends with these actions and
 * buffs (specs/registry.ts); a spec data without them (tests) has none of them.
 */
import { POTIONS, potionRating, type RatingBonus } from '../specs/consumables.ts';
import {
  ANCESTRAL_CALL_RATING,
  ARCANE_TORRENT_FOCUS,
  BAG_OF_TRICKS_AP,
  BERSERKING_HASTE,
  BLOOD_FURY_AP,
  COMBAT_ANALYSIS_AGILITY,
  COMBAT_ANALYSIS_MAX_STACKS,
  COMBAT_ANALYSIS_PERIOD_MS,
  FIREBLOOD_AGILITY_PER_STACK,
  FIREBLOOD_STACKS,
  LIGHTS_JUDGMENT_AOE_CAP,
  LIGHTS_JUDGMENT_AP,
  LIGHTS_JUDGMENT_DELAY_MS,
  RACIAL_ACTION_RACE,
  racialPassives,
  ROCKET_BARRAGE_AP,
  ROCKET_BARRAGE_BASE,
} from '../specs/racials.ts';
import { HAYMAKER_AP } from '../specs/racial-procs.ts';
import { ITEM_HIT_BITS, ItemEffects } from './item-effects.ts';
import { NETHERPRISM_ACTION } from '../specs/gear.ts';
import { RACIAL_PROC_BITS, RacialProcs } from './racial-procs.ts';
import { aoeScale } from './ratings.ts';
import { FOREVER_MS } from './events.ts';
import type { Sim } from './sim.ts';

const STATS = ['crit', 'haste', 'mastery', 'versatility'] as const;

export class Extras {
  /** Action and buff indices, -1 when the spec data lacks them. */
  private readonly potionAction: number;
  private readonly potionBuff: number;
  private readonly firebloodAction: number;
  private readonly firebloodBuff: number;
  private readonly ancestralAction: number;
  private readonly ancestralBuff: number;
  private readonly berserkingAction: number;
  private readonly berserkingBuff: number;
  private readonly bloodFuryAction: number;
  private readonly bloodFuryBuff: number;
  private readonly judgmentAction: number;
  /** Light's Judgment's damage source. */
  private readonly judgmentSource: number;
  private readonly torrentAction: number;
  private readonly rocketAction: number;
  private readonly rocketSource: number;
  private readonly bagAction: number;
  private readonly bagSource: number;
  private readonly haymakerAction: number;
  private readonly haymakerSource: number;
  /** Unyielding Netherprism's use (a trinket's: item-effects.ts). */
  private readonly netherprismAction: number;
  /** The racials on the player's hits and on the pets' damage (racial-procs.ts). */
  private readonly procs: RacialProcs;
  /** The items' effects (item-effects.ts). */
  private readonly items: ItemEffects;
  /** applyRatings, bound once (the procs re-derive the stats when Pa'ku's crit changes). */
  private readonly rederive = (): void => this.applyRatings();
  /** Combat Analysis's aura (its timer: it expires every 5 s and comes back with one more stack). */
  private readonly analysisBuff: number;
  private readonly analysisOn: boolean;
  /** Agility of Fireblood and of Combat Analysis, summed into Sim.extraAgility (with the items'). */
  private firebloodAgility = 0;
  private analysisAgility = 0;
  private analysisStacks = 0;
  /** Haste multiplier from the race (Touch of Elune), × Berserking's while up. */
  private readonly raceHaste: number;
  /** Maximum focus multiplier from the race (Expansive Mind). */
  private readonly raceFocus: number;
  /** Haste multiplier from the extras (racial passives, Berserking), applied by Sim.updateHaste. */
  hasteFactor = 1;
  /** The config has a modelled potion. */
  private readonly hasPotion: boolean;
  private readonly race: string;
  private readonly potionBonus: RatingBonus;
  /** Ancestral Call's two candidate stats: the two highest ratings. */
  private readonly ancestralStats: readonly [(typeof STATS)[number], (typeof STATS)[number]];
  private potionUp = false;
  /** The stat Ancestral Call raises while up, or null. */
  private ancestralStat: (typeof STATS)[number] | null = null;
  private readonly bonus: RatingBonus = { crit: 0, haste: 0, mastery: 0, versatility: 0 };

  constructor(private readonly sim: Sim) {
    const action = (key: string) => sim.data.actions.findIndex((a) => a.key === key);
    const buff = (key: string) => sim.data.buffs.findIndex((b) => b.key === key);
    this.potionAction = action('potion');
    this.potionBuff = buff('tempered_potion');
    this.firebloodAction = action('fireblood');
    this.firebloodBuff = buff('fireblood');
    this.ancestralAction = action('ancestral_call');
    this.ancestralBuff = buff('ancestral_call');
    this.berserkingAction = action('berserking');
    this.berserkingBuff = buff('berserking');
    this.bloodFuryAction = action('blood_fury');
    this.bloodFuryBuff = buff('blood_fury');
    this.judgmentAction = action('lights_judgment');
    this.judgmentSource = sim.data.sources.findIndex((x) => x.key === 'lights_judgment');
    this.torrentAction = action('arcane_torrent');
    this.rocketAction = action('rocket_barrage');
    this.rocketSource = sim.data.sources.findIndex((x) => x.key === 'rocket_barrage');
    this.bagAction = action('bag_of_tricks');
    this.bagSource = sim.data.sources.findIndex((x) => x.key === 'bag_of_tricks');
    this.haymakerAction = action('haymaker');
    this.haymakerSource = sim.data.sources.findIndex((x) => x.key === 'haymaker');
    this.analysisBuff = buff('combat_analysis');
    this.netherprismAction = action(NETHERPRISM_ACTION.key);
    // the strike lands 3 s after the cast (the spell's missile delay), whatever the distance
    if (this.judgmentSource >= 0) sim.srcTravelMs[this.judgmentSource] = LIGHTS_JUDGMENT_DELAY_MS;
    const c = sim.config.consumables;
    this.hasPotion = c !== undefined && POTIONS[c.potion] !== undefined && this.potionBuff >= 0;
    this.race = sim.config.race ?? 'none';
    const passives = racialPassives(this.race);
    this.raceHaste = passives.haste;
    this.raceFocus = passives.maxFocus;
    this.analysisOn = this.race === 'mechagnome' && this.analysisBuff >= 0;
    this.procs = new RacialProcs(sim, this.race);
    // after the racials: it adds to their srcProc bits
    this.items = new ItemEffects(sim, this.rederive, () => this.sumAgility());
    this.potionBonus = potionRating(c?.flask ?? 'none');
    const ranked = [...STATS].sort((a, b) => sim.ratings[b] - sim.ratings[a]);
    this.ancestralStats = [ranked[0]!, ranked[1]!];
    for (const b of [
      this.potionBuff,
      this.firebloodBuff,
      this.ancestralBuff,
      this.berserkingBuff,
      this.bloodFuryBuff,
      this.analysisBuff,
    ])
      if (b >= 0) sim.buffNotify[b] = sim.extrasBuff[b] = 1;
  }

  /** Start of an iteration: stats back to the ratings (last iteration's buffs are gone). */
  reset(): void {
    const derived =
      this.potionUp || this.ancestralStat !== null || this.sim.extraCrit !== 0 || this.items.ratingUp;
    this.procs.reset();
    if (derived) {
      this.potionUp = false;
      this.ancestralStat = null;
      this.items.ratingUp = false;
      this.sim.deriveRatings(null);
    }
    this.sim.extraAgility = 0;
    this.firebloodAgility = 0;
    this.analysisAgility = 0;
    this.analysisStacks = 0;
    this.sim.extraAp = 0;
    this.sim.focusMax = this.sim.data.maxFocus * this.raceFocus; // before the iteration fills focus
    this.hasteFactor = this.raceHaste; // runIteration updates haste after this
    // combat starts: Combat Analysis's first stack comes 5 s later (buffs were reset before this)
    if (this.analysisOn) this.sim.applyBuff(this.analysisBuff, 0, COMBAT_ANALYSIS_PERIOD_MS);
    this.items.reset();
  }

  /** Whether the player knows action `a`, or undefined when it is the spec's. */
  known(a: number): boolean | undefined {
    if (a === this.potionAction) return this.hasPotion;
    if (a === this.firebloodAction) return this.race === RACIAL_ACTION_RACE.fireblood;
    if (a === this.ancestralAction) return this.race === RACIAL_ACTION_RACE.ancestral_call;
    if (a === this.berserkingAction) return this.race === RACIAL_ACTION_RACE.berserking;
    if (a === this.bloodFuryAction) return this.race === RACIAL_ACTION_RACE.blood_fury;
    if (a === this.judgmentAction) return this.race === RACIAL_ACTION_RACE.lights_judgment;
    if (a === this.torrentAction) return this.race === RACIAL_ACTION_RACE.arcane_torrent;
    if (a === this.rocketAction) return this.race === RACIAL_ACTION_RACE.rocket_barrage;
    if (a === this.bagAction) return this.race === RACIAL_ACTION_RACE.bag_of_tricks;
    if (a === this.haymakerAction) return this.race === RACIAL_ACTION_RACE.haymaker;
    if (a === this.netherprismAction) return this.items.netherprismWorn;
    return undefined;
  }

  /** Executes `a` if it is one of the extras' actions. */
  execute(a: number, target: number): boolean {
    const sim = this.sim;
    if (a === this.potionAction) sim.applyBuff(this.potionBuff, 1, 0);
    else if (a === this.firebloodAction) sim.applyBuff(this.firebloodBuff, 1, 0);
    else if (a === this.berserkingAction) sim.applyBuff(this.berserkingBuff, 1, 0);
    else if (a === this.bloodFuryAction) sim.applyBuff(this.bloodFuryBuff, 1, 0);
    else if (a === this.torrentAction) sim.gainFocus(ARCANE_TORRENT_FOCUS);
    else if (a === this.judgmentAction) this.lightsJudgment();
    else if (a === this.bagAction) sim.hit(this.bagSource, target, BAG_OF_TRICKS_AP * sim.ap, false, 0);
    else if (a === this.haymakerAction) sim.hit(this.haymakerSource, target, HAYMAKER_AP * sim.ap, true, 0);
    else if (a === this.rocketAction)
      sim.hit(this.rocketSource, target, ROCKET_BARRAGE_BASE + ROCKET_BARRAGE_AP * sim.ap, false, 0);
    else if (a === this.netherprismAction) this.items.useNetherprism();
    else if (a === this.ancestralAction) {
      this.ancestralStat = null; // the buff's notification below picks the stat
      sim.applyBuff(this.ancestralBuff, 1, 0);
    } else return false;
    return true;
  }

  /** Handles a change of one of the extras' buffs. */
  buffChanged(buff: number): boolean {
    const sim = this.sim;
    const up = buff >= 0 && sim.buffs.up(buff, sim.now);
    if (buff === this.firebloodBuff) {
      this.firebloodAgility = up ? FIREBLOOD_STACKS * FIREBLOOD_AGILITY_PER_STACK : 0;
      this.sumAgility();
    } else if (buff === this.analysisBuff) {
      if (up) return true;
      // the timer ran out: one more stack, back for 5 s more (for the rest of the fight at 10)
      const n = Math.min(COMBAT_ANALYSIS_MAX_STACKS, this.analysisStacks + 1);
      this.analysisStacks = n;
      this.analysisAgility = n * COMBAT_ANALYSIS_AGILITY;
      this.sumAgility();
      sim.applyBuff(buff, n, n < COMBAT_ANALYSIS_MAX_STACKS ? COMBAT_ANALYSIS_PERIOD_MS : FOREVER_MS);
    } else if (buff === this.berserkingBuff) {
      this.hasteFactor = this.raceHaste * (up ? 1 + BERSERKING_HASTE : 1);
      sim.updateHaste();
    } else if (buff === this.bloodFuryBuff) {
      sim.extraAp = up ? BLOOD_FURY_AP : 0;
      sim.refreshAgility();
    } else if (buff === this.potionBuff) {
      if (up === this.potionUp) return true;
      this.potionUp = up;
      this.applyRatings();
    } else if (buff === this.ancestralBuff) {
      if (up === (this.ancestralStat !== null)) return true;
      this.ancestralStat = up ? this.ancestralStats[sim.rng.next() < 0.5 ? 0 : 1] : null;
      this.applyRatings();
    } else return this.procs.buffChanged(buff, this.rederive) || this.items.buffChanged(buff);
    return true;
  }

  /** The extras' agility (Fireblood, Combat Analysis, the items' buffs) into the player's. */
  private sumAgility(): void {
    this.sim.extraAgility = this.firebloodAgility + this.analysisAgility + this.items.agility;
    this.sim.refreshAgility();
  }

  /** A cast of the player with a damage source (Sim.countCast, when an item procs on casts). */
  itemCast(): void {
    this.items.onCast();
  }

  /** An item effect's timed event (EV_ITEM) is due. */
  itemEvent(kind: number): void {
    this.items.event(kind);
  }

  /** A hit of a source with proc bits (Sim.srcProc) was rolled: the racial and item procs' turn. */
  onHit(bits: number, target: number): void {
    if ((bits & RACIAL_PROC_BITS) !== 0) this.procs.onHit(bits, target);
    if ((bits & ITEM_HIT_BITS) !== 0) this.items.onHit(bits, target);
  }

  /**
   * Light's Judgment: attack power × 4.2 holy damage to every target, over 8 scaled down (sqrt),
   * rolled now and landing 3 s later (SimulationCraft computes it when it lands).
   */
  private lightsJudgment(): void {
    const sim = this.sim;
    const n = sim.targets;
    const amount = LIGHTS_JUDGMENT_AP * sim.ap * aoeScale(n, LIGHTS_JUDGMENT_AOE_CAP);
    for (let t = 0; t < n; t++) sim.hit(this.judgmentSource, t, amount, false, 0);
  }

  /** Stats from the ratings plus the potion's, Ancestral Call's and the items' while up. */
  private applyRatings(): void {
    const b = this.bonus;
    for (const s of STATS) b[s] = this.potionUp ? this.potionBonus[s] : 0;
    if (this.ancestralStat !== null) b[this.ancestralStat] += ANCESTRAL_CALL_RATING;
    const items = this.items;
    if (items.ratingUp) for (const s of STATS) b[s] += items.rating[s];
    const none = !this.potionUp && this.ancestralStat === null && !items.ratingUp;
    this.sim.deriveRatings(none ? null : b);
    this.sim.updateHaste();
  }
}
