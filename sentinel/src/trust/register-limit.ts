// Registrations of new node keys per client address: a fixed one-hour window per address,
// in memory (per instance), bounded. Keeps a flood of fresh keys from hoarding work.
import createError from '@fastify/error';

export const RegisterRateLimited = createError(
  'WL_ERR_REGISTER_RATE_LIMITED',
  'too many new nodes registered from this address; try again later',
  429,
);

const WINDOW_MS = 3_600_000;
const MAX_ADDRESSES = 50_000;

export class RegisterLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly perHour: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one registration from `address`; false when over the limit. */
  allow(address: string): boolean {
    const now = this.now();
    let w = this.windows.get(address);
    if (!w || now - w.start >= WINDOW_MS) {
      if (!w && this.windows.size >= MAX_ADDRESSES) this.prune(now);
      w = { start: now, count: 0 };
      this.windows.set(address, w);
    }
    if (w.count >= this.perHour) return false;
    w.count++;
    return true;
  }

  private prune(now: number): void {
    for (const [key, w] of this.windows) if (now - w.start >= WINDOW_MS) this.windows.delete(key);
    // Still full (a flood of distinct addresses): forget the oldest half rather than grow.
    if (this.windows.size >= MAX_ADDRESSES) {
      let drop = this.windows.size / 2;
      for (const key of this.windows.keys()) {
        if (drop-- <= 0) break;
        this.windows.delete(key);
      }
    }
  }
}

/** The client's address: a proxy's header when configured (e.g. Fly-Client-IP), else the socket's. */
export function clientAddress(
  request: { ip: string; headers: Record<string, string | string[] | undefined> },
  settings: { clientIpHeader: string | null },
): string {
  if (settings.clientIpHeader) {
    const value = request.headers[settings.clientIpHeader];
    const first = Array.isArray(value) ? value[0] : value;
    if (first) return first.split(',')[0]!.trim().slice(0, 64);
  }
  return request.ip;
}
