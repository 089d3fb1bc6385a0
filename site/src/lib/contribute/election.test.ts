import { describe, expect, it } from 'vitest';
import { LOCK_NAME, TabElection } from './election';

/** A Web Locks stand-in with the exclusive-queue semantics of navigator.locks. */
class FakeLocks {
  private held = false;
  private readonly waiting: Array<{ grant: () => void; signal?: AbortSignal }> = [];
  names: string[] = [];

  request(name: string, options: { signal?: AbortSignal }, cb: () => Promise<void>): Promise<unknown> {
    this.names.push(name);
    return new Promise((resolve, reject) => {
      const grant = () => {
        this.held = true;
        void cb().then(() => {
          this.held = false;
          resolve(undefined);
          this.next();
        });
      };
      if (!this.held) return grant();
      const entry = { grant, signal: options.signal };
      this.waiting.push(entry);
      options.signal?.addEventListener('abort', () => {
        const i = this.waiting.indexOf(entry);
        if (i >= 0) this.waiting.splice(i, 1);
        reject(new DOMException('aborted', 'AbortError'));
      });
    });
  }

  private next(): void {
    this.waiting.shift()?.grant();
  }
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('single-tab election', () => {
  it('lets one tab lead; the next queued tab leads when it leaves', async () => {
    const locks = new FakeLocks();
    const led: string[] = [];
    const a = new TabElection(locks, () => led.push('a'));
    const b = new TabElection(locks, () => led.push('b'));
    a.join();
    b.join();
    await tick();
    expect(led).toEqual(['a']);
    expect(a.leading).toBe(true);
    expect(b.leading).toBe(false);
    expect(b.active).toBe(true);
    a.leave();
    await tick();
    expect(led).toEqual(['a', 'b']);
    expect(b.leading).toBe(true);
    expect(locks.names.every((n) => n === LOCK_NAME)).toBe(true);
  });

  it('a queued tab that leaves never leads', async () => {
    const locks = new FakeLocks();
    const led: string[] = [];
    const a = new TabElection(locks, () => led.push('a'));
    const b = new TabElection(locks, () => led.push('b'));
    a.join();
    b.join();
    b.leave();
    await tick();
    a.leave();
    await tick();
    expect(led).toEqual(['a']);
    expect(b.active).toBe(false);
  });

  it('leads at once where Web Locks are missing', async () => {
    let led = 0;
    const e = new TabElection(undefined, () => led++);
    e.join();
    e.join();
    await tick();
    expect(led).toBe(1);
    expect(e.leading).toBe(true);
  });
});
