// Completions accepted on trust, batched: while one batch is in Postgres, the completions
// that arrive queue up and go together in the next (one statement, one round trip and one
// commit for many; a quiet sentinel sends each alone at once). One batch at a time, so
// batches never wait on each other's locks. A batch that fails (a deadlock with a judging
// transaction, a lost connection) hands each of its completions back to be judged alone.
import type { Db } from '../db/pool.ts';
import { acceptBatch, type AcceptedAtOnce, type AcceptInput } from '../db/accept-batch.ts';

export const MAX_ACCEPT_BATCH = 64;

interface Waiting {
  item: AcceptInput;
  resolve(accepted: AcceptedAtOnce | null): void;
}

export class AcceptBatcher {
  private readonly queue: Waiting[] = [];
  private busy = false;
  /** Statements sent, completions in them (metrics, tests). */
  batches = 0;
  accepted = 0;

  constructor(
    private readonly db: Db,
    private readonly opts: { replication: boolean; threshold: number },
    private readonly onError: (err: unknown) => void,
  ) {}

  /** What was accepted, or null when the completion must be judged in a transaction. */
  accept(item: AcceptInput): Promise<AcceptedAtOnce | null> {
    return new Promise((resolve) => {
      this.queue.push({ item, resolve });
      if (!this.busy) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.busy = true;
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, MAX_ACCEPT_BATCH);
        let results: Array<AcceptedAtOnce | null>;
        try {
          results = await acceptBatch(
            this.db,
            batch.map((w) => w.item),
            this.opts,
          );
        } catch (err) {
          this.onError(err);
          results = [];
        }
        this.batches++;
        for (const [k, w] of batch.entries()) {
          const r = results[k] ?? null;
          if (r) this.accepted++;
          w.resolve(r);
        }
      }
    } finally {
      this.busy = false;
    }
  }
}
