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
    return (await countRegistration(db, limitKey(address))) <= this.perHour;
  }
}

/**
 * What the limit counts by: an IPv4 address as it is (also when IPv4-mapped), an IPv6 address
 * by its /64 prefix (one subscriber usually holds a whole /64), anything unparsable as given.
 */
export function limitKey(address: string): string {
  const bare = address.split('%')[0]!.toLowerCase(); // drop a zone id (fe80::1%eth0)
  if (!bare.includes(':')) return address;
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(bare);
  if (mapped) return mapped[1]!;
  const halves = bare.split('::');
  if (halves.length > 2) return address;
  const groups = (part: string) => (part === '' ? [] : part.split(':'));
  const head = groups(halves[0]!);
  const tail = halves.length === 2 ? groups(halves[1]!) : [];
  // a trailing dotted quad (::ffff:1.2.3.4 forms, 64:ff9b::/96) holds two groups
  const width = (gs: string[]) => gs.length + (gs.at(-1)?.includes('.') ? 1 : 0);
  const missing = 8 - width(head) - width(tail);
  if (halves.length === 1 ? missing !== 0 : missing < 1) return address;
  const all = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...tail];
  const prefix = all.slice(0, 4);
  if (!prefix.every((g) => /^[0-9a-f]{1,4}$/.test(g))) return address;
  return `${prefix.map((g) => parseInt(g, 16).toString(16)).join(':')}::/64`;
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
