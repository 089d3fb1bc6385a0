/**
 * Authority of Radiant Power, the weapon enchant both specs take as a talent-like gear option
 * (`authority_of_radiant_power`; numbers and their sources in ./common.ts): on the player's shots
 * a real-procs-per-minute roll (Sim.rppm) deals Radiant damage and grants Radiant Power's agility.
 * One place for what the two specs' logic did each with its own copy.
 */
import { Sim } from '../engine/sim.ts';
import { RADIANT_AGILITY, RADIANT_DAMAGE_AP, RPPM_RADIANT } from './common.ts';

export class RadiantPower {
  readonly on: boolean;
  private readonly buff: number;
  private readonly src: number;

  /**
   * `critBonus` / `critDamage`: Sim.hit's arguments for the proc's hit, asked only when it procs
   * (MM: Trueshot's crit and crit damage; BM: none).
   */
  constructor(
    private readonly sim: Sim,
    private readonly critBonus: () => number,
    private readonly critDamage: () => number,
  ) {
    this.on = sim.hasTalent('authority_of_radiant_power');
    this.buff = Sim.indexOf(sim.data.buffs, 'radiant_power');
    this.src = Sim.indexOf(sim.data.sources, 'radiant_power');
    sim.buffNotify[this.buff] = 1;
  }

  /** A shot of the player: the proc's roll; on a proc its hit, then the buff. */
  roll(): void {
    const sim = this.sim;
    if (this.on && sim.rppm(RPPM_RADIANT)) {
      sim.hit(this.src, 0, RADIANT_DAMAGE_AP * sim.ap, false, this.critBonus(), this.critDamage());
      sim.applyBuff(this.buff, 1, 0);
    }
  }

  /** A notifying buff changed; true when it was Radiant Power (the agility follows it). */
  buffChanged(buff: number): boolean {
    if (buff !== this.buff) return false;
    const sim = this.sim;
    sim.setAgility(sim.baseAgility + (sim.buffs.up(buff, sim.now) ? RADIANT_AGILITY : 0));
    return true;
  }
}
