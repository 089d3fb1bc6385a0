// One contributing tab per browser: the tabs that want to contribute queue for one Web Lock;
// the holder runs the pool until it releases the lock or closes (the browser then grants it
// to the next tab in the queue). Without Web Locks, every tab simply leads.

export const LOCK_NAME = 'wowlab-contribute-node';

interface LockManagerLike {
  request(name: string, options: { signal?: AbortSignal }, callback: () => Promise<void>): Promise<unknown>;
}

export class TabElection {
  private abort: AbortController | null = null;
  private release: (() => void) | null = null;

  constructor(
    private readonly locks: LockManagerLike | undefined,
    private readonly onLead: () => void,
  ) {}

  /** Queued for the lock or holding it. */
  get active(): boolean {
    return this.abort !== null;
  }

  get leading(): boolean {
    return this.release !== null;
  }

  /** Joins the queue (no-op when already queued or leading). */
  join(): void {
    if (this.abort) return;
    const abort = (this.abort = new AbortController());
    if (!this.locks) {
      this.release = () => undefined;
      queueMicrotask(() => this.onLead());
      return;
    }
    this.locks
      .request(LOCK_NAME, { signal: abort.signal }, () => {
        if (abort.signal.aborted) return Promise.resolve();
        return new Promise<void>((resolve) => {
          this.release = resolve;
          this.onLead();
        });
      })
      .catch(() => undefined); // AbortError: left the queue before getting the lock
  }

  /** Leaves the queue, or releases the lock so the next tab leads. */
  leave(): void {
    this.abort?.abort();
    this.abort = null;
    const release = this.release;
    this.release = null;
    release?.();
  }
}
