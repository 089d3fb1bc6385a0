// Trust settings (sentinel/docs/trust.md), parsed from the environment object that
// config.ts reads once; problems are appended to the caller's list (fail fast, all at once).
import { parseIntSettings, type Env, type IntSpec } from '../env-ints.ts';

export interface TrustSettings {
  /**
   * TRUST_REPLICATION=off accepts every result on trust: no replicas, no slow start (the
   * behaviour before issue 11; for tests of other features and single-user setups). Default on.
   */
  replication: boolean;
  /** Consecutive verified results after which a node is trusted (TRUST_THRESHOLD). */
  threshold: number;
  /**
   * Share of a trusted registered node's results on others' jobs re-run elsewhere, in ‰
   * (TRUST_REPLICATION_PERMILLE). Never below REPLICATION_FLOOR_PERMILLE: a node that earned
   * trust and then cheats is caught within about ten results.
   */
  replicationPermille: number;
  /** Same for trusted nodes of guests (unclaimed or anonymous owner); never 0 (TRUST_GUEST_REPLICATION_PERMILLE). */
  guestReplicationPermille: number;
  /** Invalid results after which a node is quarantined (TRUST_QUARANTINE_MISMATCHES). */
  quarantineAfter: number;
  /** Nodes trusted to arbitrate mismatches of anyone's jobs (TRUST_ADMIN_NODE_IDS, comma-separated uuids). */
  adminNodeIds: string[];
  /** Registrations of new keys per client address per hour (REGISTER_LIMIT_PER_HOUR). */
  registerPerHour: number;
  /** Header carrying the client address behind a proxy, e.g. fly-client-ip (CLIENT_IP_HEADER). */
  clientIpHeader: string | null;
}

/** The lowest re-verification rate of trusted nodes' results, in ‰ (1 in 10). */
export const REPLICATION_FLOOR_PERMILLE = 100;

const INTS = {
  threshold: ['TRUST_THRESHOLD', 10, 0, 1_000_000],
  replicationPermille: [
    'TRUST_REPLICATION_PERMILLE',
    REPLICATION_FLOOR_PERMILLE,
    REPLICATION_FLOOR_PERMILLE,
    1000,
  ],
  guestReplicationPermille: ['TRUST_GUEST_REPLICATION_PERMILLE', 1000, 1, 1000],
  quarantineAfter: ['TRUST_QUARANTINE_MISMATCHES', 3, 1, 1000],
  registerPerHour: ['REGISTER_LIMIT_PER_HOUR', 10, 1, 1_000_000],
} as const satisfies Record<string, IntSpec>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const DEFAULT_TRUST_SETTINGS: TrustSettings = parseTrustSettings({}, []);

export function parseTrustSettings(env: Env, problems: string[]): TrustSettings {
  const ints = parseIntSettings(env, INTS, problems);
  const adminNodeIds = (env.TRUST_ADMIN_NODE_IDS ?? '')
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  if (adminNodeIds.some((id) => !UUID.test(id)))
    problems.push('TRUST_ADMIN_NODE_IDS must be comma-separated node ids');
  if (adminNodeIds.length > 100) problems.push('TRUST_ADMIN_NODE_IDS lists at most 100 nodes');
  const mode = (env.TRUST_REPLICATION ?? 'on').trim().toLowerCase();
  if (mode !== 'on' && mode !== 'off') problems.push('TRUST_REPLICATION must be on or off');
  const clientIpHeader = env.CLIENT_IP_HEADER?.trim().toLowerCase() || null;
  if (clientIpHeader !== null && !/^[a-z0-9-]{1,64}$/.test(clientIpHeader))
    problems.push('CLIENT_IP_HEADER must be a header name');
  return { replication: mode !== 'off', ...ints, adminNodeIds, clientIpHeader };
}
