// Small data builders shared by the conformance tests.
import { randomBytes } from 'node:crypto';
import type pg from 'pg';

export function simConfig(tag: string): Record<string, unknown> {
  return {
    engineVersion: '0.1.0',
    spec: 'bm-hunter',
    player: {
      stats: {
        agility: 1000,
        crit: 500,
        haste: 400,
        mastery: 300,
        versatility: 200,
        weaponDps: 150,
        weaponSpeed: 3,
      },
      talents: [],
    },
    fight: { style: 'patchwerk', durationSeconds: 300, durationVariation: 0.2, targets: 1, bloodlust: true },
    rotation: `actions=kill_command\n# ${tag}`,
  };
}

/** A node registered by the sentinel (service side), unclaimed, with a claim code. */
export async function insertNode(
  admin: pg.Pool,
  opts: { userId?: string | null; claimCode?: string | null } = {},
) {
  const publicKey = randomBytes(32).toString('base64url');
  const claimCode = opts.claimCode === undefined ? `CLAIM-${randomBytes(4).toString('hex')}` : opts.claimCode;
  const { rows } = await admin.query<{ id: string }>(
    `insert into public.nodes (user_id, name, kind, max_parallel, total_cores, public_key, claim_code)
     values ($1, 'fresh node', 'headless', 2, 8, $2, $3) returning id`,
    [opts.userId ?? null, publicKey, claimCode],
  );
  return { id: rows[0]!.id, claimCode, publicKey };
}

export const NODE_COLUMNS =
  'id,user_id,name,kind,max_parallel,total_cores,platform,version,engine_version,status,last_seen_at,created_at';
