#!/usr/bin/env node
// Entry point of `npm start`, `npm test` and `npm run bench` on a fresh clone that has only
// Node.js and npm: makes sure pnpm and the workspace's dependencies are there, then runs the
// task (`start`: the platform launcher e2e/src/start.ts; the others: a root pnpm script).
// Nothing else is assumed to be installed.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, statSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const PNPM_VERSION = '12.4.2';
/** Root pnpm script of each task; `start` runs the launcher directly (see below). */
const tasks = { start: null, test: 'test:all', bench: 'bench:all' };

const task = process.argv[2];
if (!task || task === '--help' || !(task in tasks)) {
  console.log(`usage: node scripts/run.mjs <${Object.keys(tasks).join('|')}> [args...]

  start   install what is missing, then start wowlab locally
  test    install what is missing, then lint, type-check and run every test
  bench   install what is missing, then run every package's benchmark`);
  process.exit(task && task !== '--help' ? 2 : 0);
}

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd: root, ...opts });
  if (r.error) return { ok: false, error: r.error };
  return { ok: r.status === 0, status: r.status ?? 1 };
}

function findPnpm() {
  const local = join(root, '.wowlab', 'tools', 'node_modules', '.bin', 'pnpm');
  for (const candidate of ['pnpm', local]) {
    const r = spawnSync(candidate, ['--version'], { encoding: 'utf8' });
    if (r.status === 0 && r.stdout.trim() === PNPM_VERSION) return candidate;
  }
  return null;
}

let pnpm = findPnpm();
if (!pnpm) {
  console.log(`[wowlab] installing pnpm ${PNPM_VERSION} (once) ...`);
  // Corepack's signature check fails offline-ish machines; install pnpm from npm instead,
  // into the repo so no global permission is needed.
  mkdirSync(join(root, '.wowlab', 'tools'), { recursive: true });
  const r = run('npm', [
    'install',
    '--no-audit',
    '--no-fund',
    '--prefix',
    join(root, '.wowlab', 'tools'),
    `pnpm@${PNPM_VERSION}`,
  ]);
  pnpm = r.ok ? findPnpm() : null;
  if (!pnpm) {
    console.error(
      `[wowlab] could not install pnpm ${PNPM_VERSION}; install it with: npm i -g pnpm@${PNPM_VERSION}`,
    );
    process.exit(1);
  }
}

// The browser suites drive Debian's Chromium (never a downloaded browser build).
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
if (task === 'test' && !existsSync(CHROMIUM)) {
  console.error(`[wowlab] Chromium is missing (${CHROMIUM}); the browser tests need it. Install it with:
    sudo apt-get install -y chromium
  (or set CHROMIUM_PATH to a Chromium binary)`);
  process.exit(1);
}

const stamp = join(root, 'node_modules', '.modules.yaml');
const lock = join(root, 'pnpm-lock.yaml');
const needInstall = !existsSync(stamp) || statSync(lock).mtimeMs > statSync(stamp).mtimeMs;
if (needInstall) {
  console.log('[wowlab] installing dependencies ...');
  const r = run(pnpm, ['install', '--frozen-lockfile']);
  if (!r.ok) process.exit(r.status ?? 1);
}

const env = { ...process.env };
if (pnpm !== 'pnpm') env.PATH = `${dirname(pnpm)}:${process.env.PATH}`;
// `start` runs the launcher directly so our signals reach it and it stops the services in
// order (pnpm does not forward SIGTERM to its script). Other tasks run in a process group of
// their own that receives every signal we get.
const extra = process.argv.slice(3);
const direct = task === 'start';
const child = direct
  ? spawn(process.execPath, ['--import', 'tsx', 'src/start.ts', ...extra], {
      stdio: 'inherit',
      cwd: join(root, 'e2e'),
      env,
    })
  : spawn(pnpm, ['run', tasks[task], ...(extra.length ? ['--', ...extra] : [])], {
      stdio: 'inherit',
      cwd: root,
      env,
      detached: true,
    });
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    try {
      if (direct) child.kill(signal);
      else process.kill(-child.pid, signal);
    } catch {
      // already gone
    }
  });
}
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
