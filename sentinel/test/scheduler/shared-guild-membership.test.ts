// SharedGuildMembership against real Postgres: write-through, and notifications applied in
// arrival order even when a 'set' must re-read its guild.
import { createTestDatabase } from '@wowlab/db';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SharedGuildMembership } from '../../src/guilds/shared-membership.ts';

const G = '923456789012345678';
const [U1, U2, U3] = ['100000000000000001', '100000000000000002', '100000000000000003'];
const log = { error: () => {} };
let db: { url: string; drop(): Promise<void> };
let pool: pg.Pool;

beforeAll(async () => {
  db = await createTestDatabase();
  pool = new pg.Pool({ connectionString: db.url, max: 4 });
});

afterAll(async () => {
  await pool?.end();
  await db?.drop();
});

const members = async () =>
  (
    await pool.query(`SELECT discord_user_id FROM private.guild_members WHERE guild_id = $1 ORDER BY 1`, [G])
  ).rows.map((r) => r.discord_user_id as string);

describe('SharedGuildMembership', () => {
  it('writes every change through, in order, and a fresh instance loads the result', async () => {
    const writer = new SharedGuildMembership(pool, log);
    writer.setMembers(G, [U1, U2]);
    writer.add(G, U3);
    writer.remove(G, U1);
    expect([U1, U2, U3].map((u) => writer.isMember(G, u))).toEqual([false, true, true]); // at once
    await writer.flush();
    expect(await members()).toEqual([U2, U3]);
    const reader = new SharedGuildMembership(pool, log);
    await reader.load();
    expect([U1, U2, U3].map((u) => reader.isMember(G, u))).toEqual([false, true, true]);
    writer.clearGuild(G);
    await writer.flush();
    expect(await members()).toEqual([]);
  });

  it('applies a remove that arrives while a set re-reads its guild after that re-read', async () => {
    await pool.query(`INSERT INTO private.guild_members VALUES ($1, $2), ($1, $3)`, [G, U1, U2]);
    const reader = new SharedGuildMembership(pool, log);
    // the set's re-read sees U2 (its removal is not in the table yet); the remove comes next
    const set = reader.apply(JSON.stringify({ op: 'set', guild: G }));
    const remove = reader.apply(JSON.stringify({ op: 'remove', guild: G, user: U2 }));
    await Promise.all([set, remove]);
    expect([reader.isMember(G, U1), reader.isMember(G, U2)]).toEqual([true, false]);
    await reader.apply('not json');
    await reader.apply(JSON.stringify({ op: 'add', guild: 7 }));
    expect(reader.isMember(G, U1)).toBe(true);
    await pool.query(`DELETE FROM private.guild_members`);
  });
});
