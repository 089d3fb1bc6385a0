// The CLI as a user runs it: a child process, its output and exit codes.
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ENGINE_VERSION,
  mergeResults,
  parseProfile,
  simulate,
  SmartStop,
  specs,
  statWeights,
  statWeightVariants,
  WEIGHED_STATS,
} from '@wowlab/sim-core';
import { runCli } from '../support/run-cli.ts';
import { NODE_VERSION } from '../../src/version.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wowlab-node-cli-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('help and version', () => {
  it('--help lists the commands and exits 0', async () => {
    const r = await runCli(['--help']);
    expect(r.code).toBe(0);
    for (const word of ['Usage:', 'run', 'sim [file]', 'status', 'reset', '--json', 'config.ini']) {
      expect(r.stdout).toContain(word);
    }
  });

  it('every command has its own --help', async () => {
    const r = await runCli(['sim', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: wowlab-node sim');
    expect(r.stdout).toContain('--iterations');
    const run = await runCli(['run', '-h']);
    expect(run.stdout).toContain('--sentinel URL');
    expect((await runCli(['reset', '--help'])).stdout).toContain('--yes');
    expect((await runCli(['status', '--help'])).stdout).toContain('Usage: wowlab-node status');
  });

  it('--version prints the package version', async () => {
    const pkg = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as {
      version: string;
    };
    expect(NODE_VERSION).toBe(pkg.version);
    const r = await runCli(['sim', '--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(`wowlab-node ${pkg.version}`);
  });
});

describe('bad input exits 2 with a clear message', () => {
  const cases: Array<[string, string[], RegExp]> = [
    ['unknown command', ['frobnicate'], /unknown command "frobnicate"/],
    ['unknown option', ['sim', '--bogus'], /Unknown option '--bogus'/],
    ['non-numeric iterations', ['sim', '--iterations', 'lots'], /--iterations must be a whole number/],
    ['zero iterations', ['sim', '--iterations', '0'], /--iterations must be between 1 and/],
    ['negative seed', ['sim', '--seed', '-1'], /--seed/],
    ['unknown spec', ['sim', '--spec', 'frost-mage'], /unknown spec "frost-mage"/],
    [
      'missing config file',
      ['sim', '/nonexistent/config.json'],
      /cannot read config file \/nonexistent\/config.json/,
    ],
    [
      'bad sentinel URL',
      ['run', '--sentinel', 'not a url', '--config-dir', '/tmp/wowlab-never'],
      /--sentinel must be an http\(s\) URL/,
    ],
    ['extra argument', ['status', 'extra'], /unexpected argument "extra"/],
  ];
  for (const [what, args, message] of cases) {
    it(what, async () => {
      const r = await runCli(args);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stdout).toBe('');
    });
  }

  it('a config file that is not JSON', async () => {
    const path = join(dir, 'broken.json');
    await writeFile(path, '{ "spec": ');
    const r = await runCli(['sim', path]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`config file ${path} is not valid JSON`);
  });

  it('a config file sim-core rejects lists every problem', async () => {
    const path = join(dir, 'invalid.json');
    const config = specs[0]!.defaultConfig();
    await writeFile(
      path,
      JSON.stringify({
        ...config,
        fight: { ...config.fight, targets: 0 },
        rotation: 'actions=nonsense_spell',
      }),
    );
    const r = await runCli(['sim', path]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is not a valid sim config');
    expect(r.stderr).toMatch(/targets/);
    expect(r.stderr).toMatch(/nonsense_spell/);
  });

  it('an unreadable config.ini', async () => {
    const cfg = join(dir, 'bad-ini');
    await rm(cfg, { recursive: true, force: true });
    await import('node:fs/promises').then((fs) => fs.mkdir(cfg));
    await writeFile(join(cfg, 'config.ini'), '[node]\nmax_parallel = many\n');
    const r = await runCli(['status', '--config-dir', cfg]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('max_parallel must be an integer');
  });
});

describe('sim', () => {
  it('prints the same result as sim-core called directly (JSON)', async () => {
    const r = await runCli([
      'sim',
      '--spec',
      'bm-hunter',
      '--iterations',
      '2500',
      '--seed',
      '77',
      '--cores',
      '2',
      '--json',
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as {
      seed: number;
      iterations: number;
      threads: number;
      result: unknown;
    };
    expect(out).toMatchObject({ seed: 77, iterations: 2500, threads: 2 });
    const config = specs.find((s) => s.id === 'bm-hunter')!.defaultConfig();
    const direct = mergeResults(
      [0, 1000, 2000].map((seedOffset) =>
        simulate(config, { seed: 77, seedOffset, iterations: seedOffset === 2000 ? 500 : 1000 }),
      ),
    );
    expect(out.result).toEqual(direct);
  });

  it('runs a config file and prints the result table', async () => {
    const config = specs.find((s) => s.id === 'mm-hunter')!.defaultConfig();
    const path = join(dir, 'mm.json');
    await writeFile(path, JSON.stringify(config));
    const r = await runCli(['sim', path, '-n', '300', '--seed', '5']);
    expect(r.code).toBe(0);
    const direct = mergeResults([simulate(config, { seed: 5, seedOffset: 0, iterations: 300 })]);
    expect(r.stdout).toContain('mm-hunter');
    expect(r.stdout).toContain('300 iterations, seed 5');
    expect(r.stdout).toContain(
      `DPS          ${new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(direct.mean)} ±`,
    );
    for (const label of ['std dev', 'min / max', 'p5', 'p95', 'ability', direct.abilities[0]!.name])
      expect(r.stdout).toContain(label);
  });

  it('runs profilesets with the base seeds and prints the comparison (an identical variant: Δ exactly 0)', async () => {
    const path = join(dir, 'sets.simc');
    await writeFile(
      path,
      [
        'spec=beast_mastery',
        'gear_agility=10000',
        'max_time=60',
        'iterations=400',
        'profileset."More agility"+=gear_agility=12000',
        'profileset."Same"+=gear_agility=10000',
      ].join('\n'),
    );
    const r = await runCli(['sim', path, '--seed', '7', '--cores', '2']);
    expect(r.code).toBe(0);
    const table = r.stdout.slice(r.stdout.indexOf('Variants (profilesets)'));
    const lines = table.split('\n').filter(Boolean);
    expect(lines[1]).toMatch(/^variant\s+DPS\s+Δ vs base/);
    expect(lines[2]).toMatch(/^base\s/);
    expect(lines[3]).toMatch(/^More agility\s+[\d,.]+ ± [\d,.]+\s+\+[\d,.]+ ± [\d,.]+\s+\+\d+\.\d\d %$/);
    expect(lines[4]).toMatch(/^Same\s+.*\s0\.0 ± 0\.0\s+0\.00 %$/);
    const json = await runCli(['sim', path, '--seed', '7', '--cores', '2', '--json']);
    const out = JSON.parse(json.stdout) as {
      variants: Array<{ name: string; delta: number; deltaError: number }>;
    };
    expect(out.variants.map((v) => v.name)).toEqual(['More agility', 'Same']);
    expect(out.variants[1]).toMatchObject({ delta: 0, deltaError: 0 });
    expect(out.variants[0]!.delta).toBeGreaterThan(0);
  });

  it('--stat-weights prints weights normalised to agility and a Pawn string, the same as sim-core computes', async () => {
    const args = ['sim', '--spec', 'bm-hunter', '-n', '300', '--seed', '3', '--cores', '2', '--stat-weights'];
    const json = await runCli([...args, '--json']);
    expect(json.code).toBe(0);
    const out = JSON.parse(json.stdout) as {
      variants: Array<{ name: string; delta: number; deltaError: number }>;
      statWeights: Array<{ stat: string; normalized: number }>;
      pawn: string;
    };
    expect(out.statWeights).toEqual(statWeights(out.variants));
    expect(out.statWeights.map((w) => w.stat)).toEqual([...WEIGHED_STATS]);
    expect(out.statWeights[0]!.normalized).toBe(1);
    const m = /^\( Pawn: v1: "wowlab": Class=Hunter, Spec=BeastMastery, (.*) \)$/.exec(out.pawn)!;
    const fields = Object.fromEntries(m[1]!.split(', ').map((kv) => kv.split('=') as [string, string]));
    expect(Object.keys(fields)).toEqual([
      'Agility',
      'CritRating',
      'HasteRating',
      'MasteryRating',
      'Versatility',
    ]);
    expect(fields.Agility).toBe('1.00');
    expect(Number(fields.CritRating)).toBeCloseTo(out.statWeights[1]!.normalized, 2);
    const text = await runCli(args);
    expect(text.stdout).toContain('Stat weights');
    expect(text.stdout).toContain(out.pawn);
  });

  it('a smart sim stops each run where the platform would, and drops a variant clearly below the best', async () => {
    const path = join(dir, 'smart.simc');
    const text = [
      'spec=beast_mastery',
      'gear_agility=10000',
      'max_time=60',
      'target_error=0.2',
      'profileset."Weak"+=gear_agility=5000',
      'profileset."Same"+=gear_agility=10000',
    ].join('\n');
    await writeFile(path, text);
    const r = await runCli(['sim', path, '--seed', '9', '--cores', '2', '-n', '40000', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as {
      result: unknown;
      smart: Array<{ name: string; iterations: number; stopped: string }>;
    };
    // the same rule over the same chunks, computed here
    const profile = parseProfile(text, ENGINE_VERSION);
    const configs = [profile.config, ...profile.profilesets.map((p) => p.config)];
    const stopper = new SmartStop(3, 0.002, 40, 'eliminate');
    const chunks: Array<ReturnType<typeof simulate>[]> = [[], [], []];
    for (let k = 0; k < 40 && !stopper.done; k++) {
      configs.forEach((c, i) => {
        if (stopper.runs[i]!.stopped !== null) return;
        const chunk = simulate(c, { seed: 9, seedOffset: k * 1000, iterations: 1000 });
        chunks[i]!.push(chunk);
        stopper.push(i, chunk);
      });
      stopper.advance();
    }
    expect(out.smart).toEqual(
      ['base', 'Weak', 'Same'].map((name, i) => ({
        name,
        iterations: stopper.runs[i]!.chunks * 1000,
        stopped: stopper.runs[i]!.stopped,
      })),
    );
    expect(out.smart[1]!.stopped).toBe('eliminated'); // the case means something
    expect(out.smart[0]!.stopped).toBe('target');
    expect(out.result).toEqual(mergeResults(chunks[0]!.slice(0, stopper.runs[0]!.chunks)));
    const textOut = await runCli(['sim', path, '--seed', '9', '--cores', '2', '-n', '40000']);
    expect(textOut.stdout).toContain('Smart sim, target error ±0.2 %:');
    expect(textOut.stdout).toMatch(/Weak\s+[\d,]+ iterations {2}clearly below the best: stopped early/);
  }, 180_000); // simulates every chunk twice (the CLI and the expected stop): minutes on a loaded machine

  it('a stat-weights smart sim stops each weight on its paired Δ error where the platform would', async () => {
    const path = join(dir, 'smart-weights.simc');
    const text = ['spec=beast_mastery', 'gear_agility=10000', 'max_time=60', 'target_error=0.3'].join('\n');
    await writeFile(path, text);
    const args = ['sim', path, '--stat-weights', '--seed', '11', '--cores', '2', '-n', '40000'];
    const r = await runCli([...args, '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as {
      smart: Array<{ name: string; iterations: number; stopped: string }>;
      variants: Array<{ name: string; iterations: number; deltaError: number }>;
    };
    // the paired rule over the same chunks, computed here
    const base = parseProfile(text, ENGINE_VERSION).config;
    const weights = statWeightVariants(base);
    const configs = [base, ...weights.map((w) => w.config)];
    const stopper = new SmartStop(configs.length, 0.003, 40, 'paired');
    for (let k = 0; k < 40 && !stopper.done; k++) {
      configs.forEach((c, i) => {
        if (stopper.runs[i]!.stopped === null)
          stopper.push(i, simulate(c, { seed: 11, seedOffset: k * 1000, iterations: 1000 }));
      });
      stopper.advance();
    }
    const expected = ['base', ...weights.map((w) => w.name)].map((name, i) => ({
      name,
      iterations: stopper.runs[i]!.chunks * 1000,
      stopped: stopper.runs[i]!.stopped,
    }));
    expect(out.smart).toEqual(expected);
    // the case means something: every weight stops on its target, none after the base (which runs as
    // long as a weight needs it) and some before it
    expect(expected.map((s) => s.stopped)).toEqual(expected.map(() => 'target'));
    for (const s of expected.slice(1)) expect(s.iterations).toBeLessThanOrEqual(expected[0]!.iterations);
    expect(expected.slice(1).some((s) => s.iterations < expected[0]!.iterations)).toBe(true);
    for (const v of out.variants)
      expect(v.iterations).toBe(expected.find((s) => s.name === v.name)!.iterations);
    // the text output says the rule (a short run: the sentence does not depend on where it stops)
    const textOut = await runCli([...args.slice(0, -1), '2000']);
    expect(textOut.stdout).toContain(
      "each weight stops once its Δ's error is within ±0.3 % of the base's DPS",
    );
  }, 180_000);

  it('--target-error outside 0.01–10 % is refused in words', async () => {
    const r = await runCli(['sim', '--target-error', '50']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('the target error is a percentage of the mean DPS from 0.01 to 10');
  });

  it('--stat-weights refuses a profile that has its own profilesets, in words', async () => {
    const path = join(dir, 'both.simc');
    await writeFile(path, 'spec=beast_mastery\nprofileset."x"+=gear_agility=1');
    const r = await runCli(['sim', path, '--stat-weights', '-n', '100']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--stat-weights makes its own variants');
  });

  it('--print-config prints the default config of the spec', async () => {
    const r = await runCli(['sim', '--spec', 'mm-hunter', '--print-config']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(specs.find((s) => s.id === 'mm-hunter')!.defaultConfig());
  });
});

describe('status and reset', () => {
  it('status without identity shows the settings and exits 0', async () => {
    const cfg = join(dir, 'fresh');
    const r = await runCli(['status', '--json'], { env: { WOWLAB_NODE_CONFIG_DIR: cfg } });
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(s).toMatchObject({
      configDir: cfg,
      configured: false,
      nodeId: null,
      publicKey: null,
      sentinel: 'no-identity',
    });
  });

  it('reset refuses without confirmation when not on a terminal, and forgets with --yes', async () => {
    const cfg = join(dir, 'with-key');
    await import('node:fs/promises').then((fs) => fs.mkdir(cfg, { recursive: true }));
    await writeFile(
      join(cfg, 'config.ini'),
      '[node]\nnode_id = 0b9f3c2e-4a51-4d6e-9f00-1234567890ab\nname = box\n',
    );
    await writeFile(join(cfg, 'node.key'), 'AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8\n', { mode: 0o600 });
    const refused = await runCli(['reset', '--config-dir', cfg]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('pass --yes');
    expect(await stat(join(cfg, 'node.key'))).toBeTruthy();

    const ok = await runCli(['reset', '--yes', '--config-dir', cfg]);
    expect(ok.code).toBe(0);
    await expect(stat(join(cfg, 'node.key'))).rejects.toThrow();
    expect(await readFile(join(cfg, 'config.ini'), 'utf8')).toContain('node_id = \n');
    expect(await readFile(join(cfg, 'config.ini'), 'utf8')).toContain('name = box');
  });
});
