/**
 * Wild Instincts (378442) as sc_hunter.cpp has it: while Call of the Wild is up, each Kill Command
 * of the main pet (kill_command_bm_t::impact, `pet == pets.main`: not the Animal Companion's) adds a
 * stack of 424567 to its target: 8 s, 10 stacks, refreshed. The target takes +3 % a stack (424567
 * #1; 378442 #1's 2 is a Dummy SimC does not read) from the hunter's pets, not guardians
 * (hunter_t::composite_player_target_pet_damage_multiplier, `!guardian`): the main pet, the
 * Animal Companion and Call of the Wild's pets, on every hit and tick (a pet's target multiplier).
 * It shares a choice node with Bloody Frenzy (node 102339), so never meets its Call of the Wild
 * stomps and cleaves. Numbers: ./talent-data.ts; table: sim-core/docs/specs.md.
 */
import { MAX_TARGETS } from '../../engine/events.ts';
import { Sim } from '../../engine/sim.ts';
import { B } from './indices.ts';
import { BM_TALENTS as T } from './talent-data.ts';

export class WildInstincts {
  readonly on: boolean;
  private readonly debuff: number;

  constructor(private readonly sim: Sim) {
    // without Call of the Wild its buff is never up: nothing to do
    this.on = sim.hasTalent('wild_instincts') && sim.hasTalent('call_of_the_wild');
    this.debuff = Sim.indexOf(sim.data.debuffs, 'wild_instincts');
  }

  /** After the main pet's Kill Command hit `target`: true when a stack was added (Call of the Wild up). */
  afterMainPetKillCommand(target: number): boolean {
    const sim = this.sim;
    if (!this.on || !sim.buffs.up(B.cotw, sim.now)) return false;
    sim.applyDebuff(this.debuff, target, 1, 0);
    return true;
  }

  /** The damage the hunter's pets deal to `target` now: × (1 + 3 % a stack) (424567 #1). */
  mult(target: number): number {
    if (!this.on) return 1;
    const sim = this.sim;
    return 1 + T.wildInstinctsPerStack * sim.debuffs.stack(this.debuff * MAX_TARGETS + target, sim.now);
  }

  /** When the stacks on `target` expire (0 without the talent: never up). */
  expires(target: number): number {
    return this.on ? this.sim.debuffs.expires[this.debuff * MAX_TARGETS + target]! : 0;
  }
}
