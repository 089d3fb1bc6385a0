/** Beast Mastery rules on top of the generic engine. Numbers: ./data.ts. */
import { EV_SPEC, PRIO_DEFAULT } from '../../engine/events.ts';
import { Sim } from '../../engine/sim.ts';
import { aoeScale } from '../../engine/ratings.ts';
import type { SpecLogic } from '../../engine/spec-logic.ts';
import { BLOODLUST_HASTE, RADIANT_AGILITY, RADIANT_DAMAGE_AP, RPPM_RADIANT } from '../common.ts';
import { BM, BM_DATA } from './data.ts';
import { DARK_RANGER_BM, DarkRanger } from '../hero/dark-ranger.ts';

const PET_MAIN = 0;
const PET_DIRE_BEAST = 1;
const PET_COTW_A = 2;
const PET_COTW_B = 3;
const SPEC_BARBED_FOCUS = 0;

const idx = (list: ReadonlyArray<{ key: string }>, key: string): number => Sim.indexOf(list, key);
const A = {
  kc: idx(BM_DATA.actions, 'kill_command'),
  bs: idx(BM_DATA.actions, 'barbed_shot'),
  cobra: idx(BM_DATA.actions, 'cobra_shot'),
  killShot: idx(BM_DATA.actions, 'kill_shot'),
  multi: idx(BM_DATA.actions, 'multishot'),
  bw: idx(BM_DATA.actions, 'bestial_wrath'),
  dire: idx(BM_DATA.actions, 'dire_beast'),
  bloodshed: idx(BM_DATA.actions, 'bloodshed'),
  cotw: idx(BM_DATA.actions, 'call_of_the_wild'),
  mark: idx(BM_DATA.actions, 'hunters_mark'),
};
const MARK = idx(BM_DATA.debuffs, 'hunters_mark');
const S = {
  auto: idx(BM_DATA.sources, 'auto_shot'),
  pet: idx(BM_DATA.sources, 'pet_melee'),
  kc: idx(BM_DATA.sources, 'kill_command'),
  bs: idx(BM_DATA.sources, 'barbed_shot'),
  cobra: idx(BM_DATA.sources, 'cobra_shot'),
  killShot: idx(BM_DATA.sources, 'kill_shot'),
  multi: idx(BM_DATA.sources, 'multishot'),
  cleave: idx(BM_DATA.sources, 'beast_cleave'),
  dire: idx(BM_DATA.sources, 'dire_beast'),
  bloodshed: idx(BM_DATA.sources, 'bloodshed'),
  cotw: idx(BM_DATA.sources, 'call_of_the_wild'),
  radiant: idx(BM_DATA.sources, 'radiant_power'),
};
const B = {
  bw: idx(BM_DATA.buffs, 'bestial_wrath'),
  thrill: idx(BM_DATA.buffs, 'thrill_of_the_hunt'),
  cotw: idx(BM_DATA.buffs, 'call_of_the_wild'),
  lust: idx(BM_DATA.buffs, 'bloodlust'),
  radiant: idx(BM_DATA.buffs, 'radiant_power'),
};
const P = {
  frenzy: idx(BM_DATA.petBuffs, 'frenzy'),
  cleave: idx(BM_DATA.petBuffs, 'beast_cleave'),
  bw: idx(BM_DATA.petBuffs, 'bestial_wrath'),
};
const D = { bs: idx(BM_DATA.dots, 'barbed_shot'), bloodshed: idx(BM_DATA.dots, 'bloodshed') };

export class BeastMasteryLogic implements SpecLogic {
  private readonly knownAction: Uint8Array;
  private readonly alpha: boolean;
  private readonly wildCall: boolean;
  private readonly barbedWrath: boolean;
  private readonly thrill: boolean;
  private readonly killerInstinct: boolean;
  private readonly killCleave: boolean;
  private readonly radiant: boolean;
  private readonly regen: number;
  /** Master of Beasts on the hunter's own spells, in percent (76657 #5: 1 % per mastery point). */
  private readonly playerMasteryPct: number;
  /** Dark Ranger hero tree (specs/hero/dark-ranger.ts); no-ops without its talents. */
  private readonly dr: DarkRanger;

  constructor(private readonly sim: Sim) {
    this.knownAction = Uint8Array.from(
      BM_DATA.actions.map((a) => (a.talent && !sim.hasTalent(a.talent) ? 0 : 1)),
    );
    this.alpha = sim.hasTalent('alpha_predator');
    this.wildCall = sim.hasTalent('wild_call');
    this.barbedWrath = sim.hasTalent('barbed_wrath');
    this.thrill = sim.hasTalent('thrill_of_the_hunt');
    this.killerInstinct = sim.hasTalent('killer_instinct');
    this.killCleave = sim.hasTalent('kill_cleave');
    this.radiant = sim.hasTalent('authority_of_radiant_power');
    this.playerMasteryPct = (sim.masteryPct / sim.data.masteryCoefficient) * BM.masteryPlayerCoefficient;
    this.regen = sim.hasTalent('pack_tactics') ? 1 + BM.packTacticsRegen : 1;
    if (this.alpha) sim.cds.setMaxCharges(A.kc, 1 + BM.alphaPredatorCharges);
    sim.buffNotify[B.radiant] = 1;
    this.dr = new DarkRanger(sim, DARK_RANGER_BM, {
      buffMult: () => this.bwMult(),
      spellMastery: () => this.playerMasteryPct / 100,
      spellAura: () => 1 + BM.specAuraSpells,
      shotCrit: () => this.playerCrit(),
      dotCrit: () => 0,
    });
    this.knownAction.forEach((_, a) => this.dr.known(a) || (this.knownAction[a] = 0));
  }

  start(): void {
    this.sim.summonPet(PET_MAIN, 0, 0, 0);
    this.dr.start();
  }
  known(a: number): boolean {
    return this.knownAction[a] === 1;
  }
  cost(a: number): number {
    return this.sim.actions[a]!.cost;
  }
  castMs(a: number): number {
    return this.sim.actions[a]!.castMs;
  }
  readonly dynamicCost = false;
  castStarted(): void {}
  hasteFactor(): number {
    return this.sim.buffs.up(B.lust, this.sim.now) ? 1 + BLOODLUST_HASTE : 1;
  }
  regenFactor(): number {
    return this.regen;
  }

  /** Bestial Wrath on the hunter's own damage (19574 effects #1/#4; Auto Shot included). */
  private bwMult(): number {
    return this.sim.buffs.up(B.bw, this.sim.now) ? 1 + BM.bestialWrathDamage : 1;
  }
  /** Auto Shot: not in the spec aura's or the mastery's spell lists (137015 #1, 76657 #5). */
  private autoMult(): number {
    return this.bwMult();
  }
  /** The hunter's focus spenders: spec aura, Master of Beasts on the hunter's spells, Bestial Wrath. */
  private playerMult(): number {
    return (
      (1 + BM.specAuraSpells) * (1 + this.playerMasteryPct / 100) * this.bwMult() * this.dr.bellTollsMult()
    );
  }
  /** The main pet and Call of the Wild pets: pet attack power, spec aura, mastery, Bestial Wrath. */
  private petMult(): number {
    const sim = this.sim;
    return (
      BM.petApFromOwner *
      (1 + BM.specAuraPet) *
      (1 + sim.masteryPct / 100) *
      (sim.petBuffs.up(P.bw, sim.now) ? 1 + BM.bestialWrathDamage : 1) *
      this.dr.bellTollsMult()
    );
  }
  /** Dire Beast is a guardian: its own attack power share, the guardian spec aura and mastery. */
  private guardianMult(): number {
    return BM.guardianApFromOwner * (1 + BM.specAuraGuardian) * (1 + this.sim.masteryPct / 100);
  }
  private playerCrit(): number {
    return this.sim.buffs.stack(B.thrill, this.sim.now) * BM.thrillCritPerStack;
  }

  execute(a: number, target: number): void {
    const sim = this.sim;
    const ap = sim.ap;
    if (this.dr.execute(a, target)) {
      this.procs();
      return;
    }
    if (a === A.kc) {
      this.dr.onDeathblowTrigger();
      // 83381 is not in 137015's spell list; the pet aura (137015 #3) is in petMult.
      let amount = BM.killCommandAp * ap * this.petMult();
      if (this.alpha) amount *= 1 + BM.alphaPredatorDamage;
      if (this.killerInstinct) amount *= 1 + BM.killerInstinctBonus;
      sim.hit(S.kc, target, amount, true, 0);
      if (this.killCleave && sim.targets > 1 && sim.petBuffs.up(P.cleave, sim.now)) {
        const each = amount * BM.killCleaveShare * aoeScale(sim.targets - 1, BM.killCleaveAoeCap);
        for (let t = 0; t < sim.targets; t++) if (t !== target) sim.hit(S.cleave, t, each, true, 0);
      }
    } else if (a === A.bs) {
      sim.applyDot(D.bs, target, BM.barbedShotTickAp * ap * this.playerMult());
      sim.petBuffs.apply(P.frenzy, P.frenzy, sim.now, 1, 0);
      if (this.thrill) sim.applyBuff(B.thrill, 1, 0);
      if (this.barbedWrath) sim.cds.reduce(A.bw, sim.now, BM.barbedWrathReductionMs);
      for (let i = 1; i <= BM.barbedShotFocusTicks; i++) {
        sim.q.push(sim.now + i * BM.barbedShotFocusTickMs, PRIO_DEFAULT, EV_SPEC, SPEC_BARBED_FOCUS, 0);
      }
    } else if (a === A.cobra) {
      sim.hit(S.cobra, target, BM.cobraShotAp * ap * this.playerMult(), true, this.playerCrit());
      sim.cds.reduce(A.kc, sim.now, BM.cobraShotKcReductionMs);
    } else if (a === A.killShot) {
      const [up, down] = BM.specAuraKillShot;
      const amount = BM.killShotAp * ap * this.playerMult() * (1 + up) * (1 + down);
      sim.hit(S.killShot, target, amount, true, this.playerCrit());
      this.dr.onKillShot();
    } else if (a === A.multi) {
      const amount = BM.multiShotAp * ap * this.playerMult() * aoeScale(sim.targets, BM.multiShotAoeCap);
      const crit = this.playerCrit();
      for (let t = 0; t < sim.targets; t++) sim.hit(S.multi, t, amount, true, crit);
      sim.petBuffs.apply(P.cleave, P.cleave, sim.now, 1, 0);
    } else if (a === A.bw) {
      sim.applyBuff(B.bw, 1, 0);
      sim.petBuffs.apply(P.bw, P.bw, sim.now, 1, 0);
    } else if (a === A.dire) {
      sim.summonPet(PET_DIRE_BEAST, target, BM.direBeastMs, 0);
    } else if (a === A.bloodshed) {
      sim.applyDot(D.bloodshed, target, BM.bloodshedTickAp * ap * this.petMult());
    } else if (a === A.mark) {
      sim.applyDebuff(MARK, target, 1, 0);
    } else if (a === A.cotw) {
      sim.applyBuff(B.cotw, 1, 0);
      sim.summonPet(PET_COTW_A, 0, BM.callOfTheWildMs, 0);
      sim.summonPet(PET_COTW_B, 0, BM.callOfTheWildMs, 300);
      this.dr.onWitheringFireTrigger();
    }
    if (a !== A.bw && a !== A.cotw && a !== A.dire && a !== A.mark) this.procs();
  }

  channelTick(): void {}

  autoShot(): void {
    const sim = this.sim;
    const speed = sim.weaponSpeedMs / 1000;
    const amount = (sim.weaponDps * speed + (sim.ap * speed) / 6) * this.autoMult();
    const crit = this.dr.autoShot(S.auto, amount, this.playerCrit());
    if (crit === 1 && this.wildCall && sim.rng.next() < BM.wildCallChance) {
      sim.cds.addCharge(A.bs, sim.now);
      sim.poke();
    }
    this.procs();
  }

  private procs(): void {
    const sim = this.sim;
    if (this.radiant && sim.rppm(RPPM_RADIANT)) {
      sim.hit(S.radiant, 0, RADIANT_DAMAGE_AP * sim.ap, false, 0);
      sim.applyBuff(B.radiant, 1, 0);
    }
  }

  petSwing(pet: number): void {
    const sim = this.sim;
    // Pet melee: pet AP × base swing / 6 (weapon power coefficient; NOT SPELL DATA, see BM).
    const perSwing = (sim.ap * BM.petSwingMs) / 1000 / BM.petMeleeApDivisor;
    if (pet === PET_MAIN) {
      const amount = perSwing * this.petMult();
      sim.hit(S.pet, 0, amount, true, 0);
      if (sim.targets > 1 && sim.petBuffs.up(P.cleave, sim.now)) {
        const each = amount * BM.beastCleaveShare * aoeScale(sim.targets - 1, BM.beastCleaveAoeCap);
        for (let t = 1; t < sim.targets; t++) sim.hit(S.cleave, t, each, true, 0);
      }
    } else if (pet === PET_DIRE_BEAST)
      sim.hit(S.dire, sim.petTarget[pet]!, perSwing * this.guardianMult(), true, 0);
    else sim.hit(S.cotw, 0, perSwing * this.petMult(), true, 0);
  }

  petSwingMs(pet: number): number {
    const sim = this.sim;
    let speed = sim.haste;
    if (pet === PET_MAIN) speed *= 1 + BM.frenzyAttackSpeedPerStack * sim.petBuffs.stack(P.frenzy, sim.now);
    return Math.round(BM.petSwingMs / speed);
  }

  dotTick(dot: number, target: number, amount: number): void {
    if (this.dr.dotTick(dot, target, amount)) return;
    if (dot === D.bs) this.sim.hit(S.bs, target, amount, true, this.playerCrit());
    else this.sim.hit(S.bloodshed, target, amount, true, 0);
  }

  buffChanged(buff: number): void {
    const sim = this.sim;
    if (buff === B.lust) sim.updateHaste();
    else if (buff === B.radiant) {
      sim.setAgility(sim.baseAgility + (sim.buffs.up(B.radiant, sim.now) ? RADIANT_AGILITY : 0));
    }
  }

  specEvent(kind: number, b: number): void {
    if (this.dr.specEvent(kind, b)) return;
    if (kind === SPEC_BARBED_FOCUS) this.sim.gainFocus(BM.barbedShotFocusPerTick);
  }
}
