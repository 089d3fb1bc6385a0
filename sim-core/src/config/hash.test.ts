import { describe, expect, it } from 'vitest';
import { specs } from '../specs/registry.ts';
import { canonicalJson } from './canonical-json.ts';
import { hashConfig } from './hash.ts';

type CreateHash = (alg: string) => {
  update(b: Uint8Array | string, enc?: string): { digest(e: string): string };
};

async function nodeSha256(text: string): Promise<string> {
  const mod = 'node:crypto';
  const { createHash } = (await import(/* @vite-ignore */ mod)) as { createHash: CreateHash };
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

describe('hashConfig', () => {
  it('is the sha-256 hex of the canonical UTF-8 text', async () => {
    const config = { rotation: 'actions=kill_command # 😀 é', b: [1, 2.5], a: { z: 'ü' } };
    const hash = await hashConfig(config);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).toBe(await nodeSha256(canonicalJson(config)));
  });

  it('does not depend on key order and changes with any value', async () => {
    const c = specs[0]!.defaultConfig();
    const reordered = JSON.parse(
      JSON.stringify({
        rotation: c.rotation,
        fight: c.fight,
        raidBuffs: c.raidBuffs,
        consumables: c.consumables,
        race: c.race,
        setBonuses: c.setBonuses,
        gear: c.gear,
        timing: c.timing,
        spec: c.spec,
        player: c.player,
        engineVersion: c.engineVersion,
      }),
    );
    expect(await hashConfig(reordered)).toBe(await hashConfig(c));
    c.fight.durationSeconds = 301;
    expect(await hashConfig(c)).not.toBe(await hashConfig(reordered));
  });

  it('matches a fixed vector', async () => {
    // sha256 of the 8 bytes '{"a": 1}' (sha256sum).
    expect(await hashConfig({ a: 1 })).toBe(
      'f9d86028c6e0d64e225186f96acb69338b2c59764df79162107f5c4bb34d1310',
    );
    expect(await hashConfig('abc')).toBe(await nodeSha256('"abc"'));
  });
});
