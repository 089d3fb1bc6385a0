// This browser's lifetime totals as the contributing tab counts them (runes): chunks as they
// complete, time while contributing, saved to localStorage now and then (totals.ts).
import { addChunk, addTime, emptyTotals, loadTotals, parseTotals, saveTotals, type Totals } from './totals';

export class TotalsMeter {
  totals = $state<Totals>(emptyTotals());
  #lastTick = 0;
  #lastSave = 0;

  /** Reads the saved totals and starts the clock (browser only). */
  load(): void {
    this.totals = loadTotals(localStorage);
    this.#lastTick = Date.now();
  }

  /** Another tab saved them (the `storage` event's new value). */
  follow(saved: string | null): void {
    this.totals = parseTotals(saved);
  }

  addChunk(jobId: string, iterations: number): void {
    this.totals = addChunk(this.totals, jobId, iterations);
    this.save();
  }

  /** Counts contributing time (wall clock, so a throttled timer in a hidden tab still adds up). */
  tick(contributing: boolean): void {
    const now = Date.now();
    const delta = now - this.#lastTick;
    this.#lastTick = now;
    if (!contributing) return;
    this.totals = addTime(this.totals, Math.min(delta, 120_000));
    if (now - this.#lastSave > 10_000) this.save();
  }

  save(): void {
    this.#lastSave = Date.now();
    saveTotals(localStorage, this.totals);
  }
}
