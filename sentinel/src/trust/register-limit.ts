// Registrations of new node keys per client address: a fixed one-hour window per address,
// counted in the database (db/register-windows.ts), so the limit holds across instances.
// Keeps a flood of fresh keys from hoarding work.
import createError from '@fastify/error';
import type { Queryable } from '../db/pool.ts';
import { countRegistration } from '../db/register-windows.ts';

export const RegisterRateLimited = createError(
  'WL_ERR_REGISTER_RATE_LIMITED',
  'too many new nodes registered from this address; try again later',
  429,
);

export class RegisterLimiter {
  constructor(private readonly perHour: number) {}

  /** Counts one registration from `address`; false when over the limit. */
  async allow(db: Queryable, address: string): Promise<boolean> {
    return (await countRegistration(db, address)) <= this.perHour;
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
