// Harness of the RLS matrix: each (table, operation, actor) case runs in its own
// rolled-back transaction as PostgREST would (SET LOCAL ROLE + request.jwt.claims).
// "Allowed" means the statement touched exactly the owner's row; "denied" means it failed
// with 42501 or touched nothing.
import { describe, expect, it } from 'vitest';
import type pg from 'pg';
import type { ApiRole } from './helpers.ts';

export type Actor = 'anon' | 'owner' | 'other' | 'service';
export type Op = 'select' | 'insert' | 'update' | 'delete';
export type Expect = Record<Actor, boolean>;
export interface Case {
  table: string;
  /** Statements; $1 = the row key. `prepare` runs as superuser first, in the same transaction. */
  sql: Record<Op, string>;
  prepare?: Partial<Record<Op, string>>;
  key: () => string | number;
  allow: Record<Op, Expect>;
}
export interface MatrixContext {
  pool: () => pg.Pool;
  owner: () => string;
  other: () => string;
  /** Replaces placeholders such as `${node}` once the fixtures exist. */
  resolve?: (sql: string) => string;
}

export const ACTORS: Actor[] = ['anon', 'owner', 'other', 'service'];
export const OPS: Op[] = ['select', 'insert', 'update', 'delete'];
export const all = (v: boolean): Expect => ({ anon: v, owner: v, other: v, service: v });
export const ownerAndService: Expect = { anon: false, owner: true, other: false, service: true };
export const serviceOnly: Expect = { anon: false, owner: false, other: false, service: true };

function roleOf(ctx: MatrixContext, actor: Actor): [ApiRole, string | undefined] {
  if (actor === 'anon') return ['anon', undefined];
  if (actor === 'service') return ['service_role', undefined];
  return ['authenticated', actor === 'owner' ? ctx.owner() : ctx.other()];
}

async function attempt(ctx: MatrixContext, c: Case, op: Op, actor: Actor): Promise<boolean> {
  const [role, uid] = roleOf(ctx, actor);
  const client = await ctx.pool().connect();
  try {
    await client.query('begin');
    const prep = c.prepare?.[op];
    if (prep) await client.query(prep, prep.includes('$1') ? [c.key()] : []);
    await client.query(`set local role ${role}`);
    await client.query(`select set_config('request.jwt.claims', $1, true)`, [
      JSON.stringify(uid ? { sub: uid, role } : { role }),
    ]);
    const sql = ctx.resolve ? ctx.resolve(c.sql[op]) : c.sql[op];
    const res = await client.query(sql, sql.includes('$1') ? [c.key()] : []);
    if (op === 'select') return Number(res.rows[0].n) === 1;
    return res.rowCount === 1;
  } catch (err) {
    // Denied: missing privilege or RLS check (42501). Anything else is a bug in the case.
    if ((err as { code?: string }).code === '42501') return false;
    throw err;
  } finally {
    await client.query('rollback').catch(() => undefined);
    client.release();
  }
}

export function defineMatrix(title: string, cases: Case[], ctx: MatrixContext): void {
  describe(title, () => {
    for (const c of cases) {
      for (const op of OPS) {
        const allowed = ACTORS.filter((a) => c.allow[op][a]).join(', ') || 'nobody';
        it(`${c.table} ${op}: allowed for ${allowed}`, async () => {
          const got: Record<string, boolean> = {};
          for (const actor of ACTORS) got[actor] = await attempt(ctx, c, op, actor);
          expect(got).toEqual(c.allow[op]);
        });
      }
    }
  });
}
