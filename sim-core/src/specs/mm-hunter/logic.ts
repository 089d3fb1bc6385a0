/**
 * Marksmanship rules on the generic engine (Sentinel, the residual bleeds, Explosive Shot, Precise
 * Shots and Streamline, Spotter's Mark in ./sentinel.ts, ./bleed.ts, ./explosive.ts, ./precise.ts,
 * ./spotter.ts). Numbers: ./numbers.ts. */
import { Sim } from '../../engine/sim.ts';
import { aoeScale, WEAPON_POWER_COEFFICIENT } from '../../engine/ratings.ts';
import type { SpecLogic } from '../../engine/spec-logic.ts';
import { BLOODLUST_HASTE } from '../common.ts';
import { MM, MM_DATA } from './data.ts';
import { DARK_RANGER_MM, DR_IMPACT_BLACK_ARROW, DarkRanger } from '../hero/dark-ranger.ts';
import { MarksmanshipDarkRangerHost } from './dark-ranger-host.ts';
import { SentinelTree, sentinelSetRapidFire } from './sentinel.ts';
import { MASTER_MARKSMAN, ResidualBleed } from './bleed.ts';
import { KillShotBase } from './kill-shot.ts';
import { MarksmanshipCrit } from './crit.ts';
import { ExplosiveShots } from './explosive.ts';
import { PreciseShots } from './precise.ts';
import { SpottersMark } from './spotter.ts';
import { AspectOfTheHydra, SPEC_HYDRA_AIMED } from './hydra.ts';
import { treePassives } from './tree-passives.ts';
import { SPEC_VOLLEY, Volley } from './volley.ts';
import { DoubleTap, SPEC_DOUBLE_TAP } from './double-tap.ts';
import { RapidFire } from './rapid-fire.ts';
import { AimedShot } from './aimed-shot.ts';
import { SPEC_MM_PET_BASIC, UnbreakableBond } from './unbreakable-bond.ts';
import {
  IMPACT_HIT,
  IMPACT_LOCK_AND_LOAD,
  IMPACT_MARK,
  IMPACT_MULTI,
  IMPACT_YELLOW,
  MarksmanshipImpacts,
} from './impact.ts';
import { A, B, MARK, S } from './indices.ts';

export class MarksmanshipLogic implements SpecLogic {
  private readonly knownAction: Uint8Array;
  private readonly steadyFocus: boolean;
  private readonly trickShots: boolean;
  private readonly streamline: boolean;
  /** Sentinel's Lunar Storm: its taken multiplier on the hunter's hits (1 without). */
  readonly lunarStorm: boolean;
  /** The Sentinel hero tree (./sentinel.ts). */
  readonly hero: SentinelTree;
  /** Trueshot, Bullseye and Penetrating Shots on crits (./crit.ts). */
  readonly critModel: MarksmanshipCrit;
  /** Precise Shots, Streamline and what spends them (./precise.ts). */
  readonly precise: PreciseShots;
  /** Spotter's Mark and On Target (./spotter.ts). */
  readonly spotter: SpottersMark;
  private readonly precisionDetonation: boolean;
  private readonly shrapnelShot: boolean;
  /** Explosive Shot's explosions and Precision Detonation (./explosive.ts). */
  readonly explosive: ExplosiveShots;
  /** Master Marksman's bleed per target (./bleed.ts). */
  readonly bleed: ResidualBleed;
  /** What the hits do when they land (./impact.ts). */
  readonly impacts: MarksmanshipImpacts;
  /** Headshot, Razor Fragments and Spotter's Mark on Kill Shot and Black Arrow (./kill-shot.ts). */
  readonly killShotBase: KillShotBase;
  /** Obsidian Arrowhead: Auto Shot's (and Bleak Arrows') damage factor and crit bonus (471350 #2, #1). */
  private readonly autoShotMult: number;
  private readonly autoShotCrit: number;
  /** Aspect of the Hydra's copies on a second target (./hydra.ts). */
  readonly hydra: AspectOfTheHydra;
  /** Rapid Fire's channel (./rapid-fire.ts). */
  private readonly rapidFire: RapidFire;
  /** Aimed Shot (./aimed-shot.ts); Aspect of the Hydra's copies share its hit. */
  readonly aimed: AimedShot;
  /** Small Game Hunter's Multi-Shot multiplier (459802 #1; 1 without). */
  private readonly multiShotMult: number;
  /** Bullet Hell (473378): Multi-Shot's hits cut Rapid Fire's cooldown. */
  private readonly bulletHell: boolean;
  /** Volley, with Kill Zone, Salvo and Bullet Hell's part in its pulses (./volley.ts). */
  readonly volley: Volley;
  /** A target multiplier of the hunter's hits may apply: Lunar Storm or Kill Zone. */
  readonly targetTaken: boolean;
  /** Double Tap's buff and second shots (./double-tap.ts). */
  readonly doubleTap: DoubleTap;
  /** Dark Ranger hero tree (specs/hero/dark-ranger.ts); no-ops without its talents. */
  readonly dr: DarkRanger;
  /** Dark Ranger's Bleak Arrows: Auto Shot becomes its shadow shot (the hero tree's module fires it). */
  private readonly bleakArrows: boolean;
  /** Unbreakable Bond's pet (./unbreakable-bond.ts); null without the talent. */
  readonly pet: UnbreakableBond | null;

  constructor(readonly sim: Sim) {
    this.knownAction = Uint8Array.from(
      MM_DATA.actions.map((a) => (a.talent && !sim.hasTalent(a.talent) ? 0 : 1)),
    );
    this.steadyFocus = sim.hasTalent('steady_focus');
    this.trickShots = sim.hasTalent('trick_shots');
    this.streamline = sim.hasTalent('streamline');
    this.lunarStorm = sim.hasTalent('lunar_storm');
    const deathblow = sim.hasTalent('deathblow');
    const improved = sim.hasTalent('improved_deathblow');
    this.critModel = new MarksmanshipCrit(sim, improved ? 1 + MM.improvedDeathblowKillShotCrit : 1);
    this.precisionDetonation = sim.hasTalent('precision_detonation');
    this.shrapnelShot = sim.hasTalent('shrapnel_shot');
    this.precise = new PreciseShots(sim);
    this.spotter = new SpottersMark(sim);
    this.killShotBase = new KillShotBase(sim, this.precise, this.spotter);
    const precision = sim.hasTalent('sentinel_precision') ? 1 + MM.sentinelPrecision : 1;
    // Calling the Shots, Deadeye (cooldowns), Obsidian Arrowhead, Eagle's Accuracy (./tree-passives.ts)
    const passives = treePassives(sim);
    this.autoShotMult = passives.autoShotMult;
    this.autoShotCrit = passives.autoShotCrit;
    // class tree: 19434 in its list
    const aimedMult = precision * sim.classTree.specializedArsenal * passives.aimedRapidMult;
    const rapidFireMult =
      passives.aimedRapidMult *
      (this.streamline ? 1 + MM.streamlineRapidFire : 1) *
      (sim.hasTalent('surging_shots') ? 1 + MM.surgingShotsRapidFire : 1) *
      precision *
      sentinelSetRapidFire(sim); // the Sentinel set's 2-piece (./sentinel.ts)
    this.multiShotMult = sim.hasTalent('small_game_hunter') ? 1 + MM.smallGameHunterMultiShot : 1;
    this.bulletHell = sim.hasTalent('bullet_hell');
    for (const b of [B.trueshot, B.steadyFocus]) sim.buffNotify[b] = 1;
    this.dr = new DarkRanger(sim, DARK_RANGER_MM, new MarksmanshipDarkRangerHost(this));
    this.knownAction.forEach((_, a) => this.dr.known(a) || (this.knownAction[a] = 0));
    this.hero = new SentinelTree(this);
    // Overwatch and Crescent Steel see its ticks (./sentinel.ts); no callback without them
    const hero = this.hero;
    this.bleed = new ResidualBleed(
      sim,
      MASTER_MARKSMAN,
      hero.lowHealth ? (t) => hero.onPeriodic(t) : undefined,
    );
    this.explosive = new ExplosiveShots(this, this.precisionDetonation);
    this.volley = new Volley(this);
    this.doubleTap = new DoubleTap(sim);
    this.targetTaken = this.lunarStorm || sim.hasTalent('kill_zone');
    this.impacts = new MarksmanshipImpacts(this);
    this.bleakArrows = sim.hasTalent('bleak_arrows');
    this.aimed = new AimedShot(this, aimedMult);
    this.hydra = new AspectOfTheHydra(this);
    // Ammo Conservation (./ammo-conservation.ts, via ./rapid-fire.ts): more shots, a shorter channel, Aimed Shot's recharge
    this.rapidFire = new RapidFire(
      this,
      rapidFireMult,
      deathblow && improved ? MM.improvedDeathblowRapidFire : 0,
    );
    this.pet = sim.hasTalent('unbreakable_bond') ? new UnbreakableBond(this) : null;
  }

  start(): void {
    this.hero.start();
    this.aimed.start();
    this.rapidFire.start();
    this.dr.start();
    this.bleed.start();
    this.killShotBase.start();
    this.critModel.start();
    this.precise.start();
    this.spotter.start();
    this.explosive.start();
    this.volley.start();
    if (this.pet !== null) this.pet.start();
  }

  known(a: number): boolean {
    return this.knownAction[a] === 1;
  }
  /**
   * Lock and Load makes Aimed Shot free, Streamline cheaper (20 % per stack); Precise Shots makes
   * Arcane Shot and Multi-Shot cheaper.
   */
  readonly dynamicCost = true;
  cost(a: number): number {
    const sim = this.sim;
    const base = sim.baseCost[a]!; // the data's cost (a typed array: no object load per readiness check)
    if (a === A.aimed) {
      if (sim.buffs.up(B.lnl, sim.now)) return 0;
      return Math.round(base * this.precise.streamlineCost());
    }
    if ((a === A.arcane || a === A.multi) && sim.buffs.up(B.precise, sim.now))
      return Math.round(base * (1 + MM.preciseShotsCost));
    return base;
  }
  /** The actions whose cost() above can differ from the data's (the engine reads the others' itself). */
  readonly costVaries = (a: number): boolean => a === A.aimed || a === A.arcane || a === A.multi;
  castMs(a: number): number {
    if (a === A.aimed) {
      if (this.sim.buffs.up(B.lnl, this.sim.now)) return 0;
      return Math.round(this.sim.baseCastMs[a]! * this.precise.streamlineCastFactor());
    }
    return this.sim.baseCastMs[a]!;
  }
  /** Rapid Fire's shots (Ammo Conservation, Double Tap: ./rapid-fire.ts). */
  channelTicks(a: number): number {
    return a === A.rapid ? this.rapidFire.ticks() : this.sim.actions[a]!.channelTicks;
  }
  /** Rapid Fire's unhasted channel (Ammo Conservation, Double Tap: ./rapid-fire.ts). */
  channelMs(a: number): number {
    return a === A.rapid ? this.rapidFire.ms() : this.sim.baseChannelMs[a]!;
  }
  /** Precise Shots halves the GCD of Arcane Shot and Multi-Shot (260242 #6), floored by the engine. */
  gcdFactor(a: number): number {
    // Kill Shot too (1257703 #2; SimC kill_shot gcd(), with or without Headshot).
    const kill = a === A.killShot || a === A.blackArrow;
    return (a === A.arcane || a === A.multi || kill) && this.sim.buffs.up(B.precise, this.sim.now)
      ? 1 + MM.preciseShotsGcd
      : 1;
  }
  /** The Precise Shots talent slows Auto Shot by 2 s (260240 #1), In the Rhythm speeds it by 1 s (407405 #1). */
  autoShotIntervalMs(): number {
    const sim = this.sim;
    return (
      sim.weaponSpeedMs +
      (this.precise.enabled ? MM.preciseShotsAutoShotMs : 0) +
      (sim.buffs.up(B.rhythm, sim.now) ? MM.inTheRhythmMs : 0)
    );
  }
  castStarted(a: number): void {
    if (a === A.aimed) this.aimed.castStarted();
  }
  hasteFactor(): number {
    const sim = this.sim;
    return (
      (sim.buffs.up(B.lust, sim.now) ? 1 + BLOODLUST_HASTE : 1) *
      (sim.buffs.up(B.steadyFocus, sim.now) ? 1 + MM.steadyFocusHaste : 1) *
      this.spotter.hasteFactor()
    );
  }
  regenFactor(): number {
    if (this.pet !== null) this.pet.settle(); // its focus at the old rate
    return 1;
  }

  /** Abilities in the spec aura's and Sniper Training's spell lists (137016 #1, 193468 #2); no Lone Wolf (data.ts). */
  mult(): number {
    const m = this.sim.masteryPct;
    if (m !== this.masteryFor) {
      this.masteryFor = m;
      this.multBase = (1 + MM.specAuraSpells) * (1 + m / 100);
    }
    return this.multBase * this.dr.bellTollsMult();
  }
  /** mult() without the Bell Tolls, computed when sim.masteryPct changes (a potion changes it mid-fight). */
  private multBase = 0;
  private masteryFor = NaN;
  /** Crit chance and damage of the hunter's shots (./crit.ts; ShotHost for Sentinel and explosions). */
  crit(): number {
    return this.critModel.crit();
  }
  critDamage(): number {
    return this.critModel.shotCritDamage();
  }

  /** A hunter's hit, rolled now; Sentinel (+ Master Marksman, Bullseye if `yellow`) and `impact` when it lands. */
  shot(
    src: number,
    target: number,
    amount: number,
    physical: boolean,
    crit: number,
    critDamage: number,
    yellow = true,
    impact = 0,
  ): void {
    const sim = this.sim;
    sim.landTag = IMPACT_HIT | (yellow ? IMPACT_YELLOW : 0) | impact;
    // × Lunar Storm's and Kill Zone's taken multipliers when taken (without them the amount is the same)
    const m = this.targetTaken ? amount * this.takenMult(target) : amount;
    sim.hit(src, target, m, physical, crit, critDamage);
  }

  /** SimC composite_player_target_multiplier: Kill Zone's (./volley.ts) × Lunar Storm's (./sentinel.ts). */
  takenMult(target: number): number {
    return this.volley.takenMult(target) * this.hero.takenMult(target);
  }

  /** An item's proc: Trueshot's crit chance is the player's, its crit damage is not (./crit.ts). */
  procCrit(): number {
    return this.critModel.playerCrit();
  }
  procCritDamage(): number {
    return this.critModel.plainCritDamage();
  }

  /** Salvo: Explosive Shot on `target` without a cast, with what its execute does (SimC explosive_shot_background_t). */
  salvoExplosive(target: number): void {
    this.explosiveShot(target);
  }

  /** A tagged hit landed (the engine's SpecLogic.landed): SimC's impact (./impact.ts). */
  landed(_src: number, target: number, damage: number, crit: number, tag: number): void {
    this.impacts.landed(target, damage, crit, tag);
    // Dark Ranger's bits (the highest): after the spec's, as SimC's impact; ~180 of ~680 landings have one
    if (tag >= DR_IMPACT_BLACK_ARROW) this.dr.landed(target, tag, damage);
  }

  execute(a: number, target: number): void {
    // Dark Ranger's execute (not inlined) runs Black Arrow only: not asked for other actions
    if (a === A.blackArrow && this.dr.execute(a, target)) {
      // Black Arrow is a Kill Shot (SimC kill_shot_base_t): with Headshot it spends Precise Shots
      this.killShotBase.consume();
      return;
    }
    // one method per action: each is compiled (and inlines its callees) on its own
    if (a === A.aimed) this.aimed.fire(target);
    else if (a === A.arcane) this.arcaneShot(target);
    else if (a === A.steady) this.steadyShot(target);
    else if (a === A.killShot) this.killShot(target);
    else if (a === A.multi) this.multiShot(target);
    else if (a === A.trueshot) this.trueshot(target);
    else if (a === A.mark) this.sim.applyDebuff(MARK, target, 1, 0);
    else if (a === A.explosive) this.explosiveShot(target);
    else if (a === A.volley) {
      this.volley.cast(target);
      this.doubleTap.trigger();
    }
  }

  private arcaneShot(target: number): void {
    const crit = this.crit();
    const cd = this.critDamage();
    const n = this.precise.stacks();
    const amount =
      MM.arcaneShotAp *
      this.sim.ap *
      this.mult() *
      (1 + MM.specAuraArcaneShot) *
      (1 + this.precise.bonus * n);
    // SimC arcane_shot_t::impact: Spotter's Mark's chance when empowered_by_precise_shots
    this.shot(S.arcane, target, amount, false, crit, cd, true, n > 0 ? IMPACT_MARK : 0);
    if (this.hydra.on) this.hydra.arcane(target, amount, crit, cd);
    this.precise.consume();
  }

  private steadyShot(target: number): void {
    const sim = this.sim;
    const crit = this.crit();
    const cd = this.critDamage();
    sim.gainFocus(MM.steadyShotFocus);
    this.shot(S.steady, target, MM.steadyShotAp * sim.ap * this.mult(), true, crit, cd);
    sim.cds.reduce(A.aimed, sim.now, MM.steadyShotAimedReductionMs);
    if (this.steadyFocus) sim.applyBuff(B.steadyFocus, 1, 0);
  }

  /**
   * Improved Deathblow: Kill Shot's crit bonus × 1.25 (378769 #3); the shot spends Deathblow.
   * Headshot: Precise Shots at 25 % (+ Unmatched Precision) for Kill Shot, which spends it.
   */
  private killShot(target: number): void {
    const sim = this.sim;
    const crit = this.crit();
    const amount =
      MM.killShotAp * sim.ap * this.mult() * (1 + MM.specAuraKillShot) * this.killShotBase.mult();
    const impact = this.killShotBase.fire(); // Razor Fragments spent, Headshot's mark chance
    this.shot(S.killShot, target, amount, true, crit, this.critModel.killCritDamage(), true, impact);
    sim.removeBuff(B.deathblow);
    this.killShotBase.consume();
    this.dr.onKillShot();
  }

  private multiShot(target: number): void {
    const sim = this.sim;
    const crit = this.crit();
    const cd = this.critDamage();
    const n = this.precise.stacks();
    const amount =
      MM.multiShotAp *
      sim.ap *
      this.mult() *
      (1 + this.precise.bonus * n) *
      this.multiShotMult *
      aoeScale(sim.targets, MM.multiShotAoeCap);
    // Spotter's Mark's chance on the primary target's hit only (SimC multishot_mm_t::impact); Bullet
    // Hell's Rapid Fire reduction on each hit
    const mark = n > 0 ? IMPACT_MARK : 0;
    const hell = this.bulletHell ? IMPACT_MULTI : 0;
    for (let t = 0; t < sim.targets; t++)
      this.shot(S.multi, t, amount, true, crit, cd, true, (t === target ? mark : 0) | hell);
    this.precise.consume();
    if (this.trickShots && sim.targets >= MM.trickShotsMinTargets) sim.applyBuff(B.trick, 1, 0);
    if (this.hero.symphonicArsenal) this.hero.onMultiShot(); // Sentinel's Symphonic Arsenal (./sentinel.ts)
  }

  private trueshot(target: number): void {
    this.precise.onTrueshot();
    this.sim.applyBuff(B.trueshot, 1, 0);
    this.hero.onTrueshot(); // Sentinel Watch, Eyes Closed (./sentinel.ts)
    this.dr.onWitheringFireTrigger();
    this.spotter.onTrueshot(target);
    this.doubleTap.trigger();
  }

  private explosiveShot(target: number): void {
    const sim = this.sim;
    this.explosive.fire(target);
    // Shrapnel Shot: Lock and Load with its Aimed Shot charge (SimC explosive_shot execute).
    if (this.shrapnelShot && (MM.shrapnelShotChance >= 1 || sim.rng.next() < MM.shrapnelShotChance)) {
      sim.applyBuff(B.lnl, 1, 0);
      sim.cds.addCharge(A.aimed, sim.now);
    }
    // Precision Detonation: the cast grants Streamline (SimC explosive_shot execute).
    if (this.precisionDetonation && this.streamline) sim.applyBuff(B.streamline, 1, 0);
  }

  channelTick(a: number, target: number, tick: number): void {
    if (a === A.rapid) this.rapidFire.shot(target, tick);
  }

  autoShot(): void {
    const sim = this.sim;
    const speed = sim.weaponSpeedMs / 1000;
    // Auto Shot: in neither 137016's nor Sniper Training's damage lists; Precise Shots' +100 % (260240 #2).
    const amount =
      (sim.weaponDps * speed + (sim.baseAp * speed) / WEAPON_POWER_COEFFICIENT) *
      (this.precise.enabled ? 1 + MM.preciseShotsAutoShot : 1) *
      this.autoShotMult;
    const crit = this.crit() + this.autoShotCrit;
    // Bleak Arrows (Dark Ranger) turns Auto Shot into its own shadow shot. Lock and Load when it
    // lands (at once for a Bleak Arrow that does not travel: after its Deathblow roll).
    if (this.bleakArrows) {
      // a white ranged hit: Sentinel's roll (450369) like Auto Shot's
      if (this.dr.autoShot(S.auto, amount, crit, IMPACT_HIT | IMPACT_LOCK_AND_LOAD) >= 0) {
        this.hero.onHit(0);
        this.impacts.lockAndLoad();
      }
    } else {
      const m = amount * this.dr.bellTollsMult();
      this.shot(S.auto, 0, m, true, crit, this.critDamage(), false, IMPACT_LOCK_AND_LOAD);
    }
  }

  /** Unbreakable Bond's pet, the only engine pet MM has (./unbreakable-bond.ts). */
  petSwing(): void {
    this.pet!.swing();
  }
  petSwingMs(): number {
    return this.pet!.swingTime();
  }
  dotTick(dot: number, target: number, amount: number): void {
    this.dr.dotTick(dot, target, amount);
  }

  buffChanged(buff: number): void {
    const sim = this.sim;
    if (this.hero.buffChanged(buff)) return;
    if (buff === B.lust || buff === B.steadyFocus) sim.updateHaste();
    else if (buff === B.trueshot) {
      // No updateHaste: nothing in hasteFactor or regenFactor reads Trueshot (its inputs notify).
      this.critModel.trueshotChanged();
      const up = sim.buffs.up(B.trueshot, sim.now);
      sim.cds.setRate(A.aimed, sim.now, up ? MM.trueshotAimedRate : 1);
      sim.cds.setRate(A.rapid, sim.now, up ? MM.trueshotRapidRate : 1);
    }
  }

  specEvent(kind: number, target: number): void {
    // disjoint kinds, the frequent ones first (an iteration): bleed ~190, Razor ~91, On Target ~39, Explosive ~61
    if (this.bleed.specEvent(kind, target)) return;
    if (this.killShotBase.razor.specEvent(kind, target)) return;
    if (this.spotter.specEvent(kind)) return;
    if (this.explosive.specEvent(kind, target)) return;
    if (this.dr.specEvent(kind, target)) return;
    if (kind === SPEC_HYDRA_AIMED || kind === SPEC_VOLLEY || kind === SPEC_DOUBLE_TAP) {
      // shots fired by the player's own actions, later: they travel as the cast's do (SimC
      // execute_on_target): the Hydra's and Double Tap's Aimed Shots, Salvo's Explosive Shots
      const sim = this.sim;
      sim.travelOn = 1;
      if (kind === SPEC_DOUBLE_TAP) this.aimed.doubleTapShot(target);
      else if (!this.hydra.specEvent(kind, target)) this.volley.specEvent(kind, target);
      sim.travelOn = 0;
      return;
    }
    if (kind === SPEC_MM_PET_BASIC) this.pet!.basicAttack(target);
    else this.hero.specEvent(kind, target);
  }
}
