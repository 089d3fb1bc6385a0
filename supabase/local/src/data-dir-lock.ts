// One stack per data dir, and recovery after a crash: a stack that died without stopping (SIGKILL,
// power loss of the Node process only) leaves its Postgres child running and holding the data dir.
// `<dataDir>/stack.pid` names the owning process; when that process is gone, the orphaned postmaster
// is shut down cleanly (fast shutdown) before the new start, and Postgres recovers from its WAL.
import { existsSync } from 'node:fs';
import { mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const LOCK_FILE = 'stack.pid';
const SHUTDOWN_WAIT_MS = 30_000;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function readPid(file: string): Promise<number | null> {
  if (!existsSync(file)) return null;
  const first = (await readFile(file, 'utf8')).split('\n')[0]?.trim() ?? '';
  const pid = Number(first);
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

async function stopOrphanedPostmaster(pgDataDir: string): Promise<void> {
  const pid = await readPid(join(pgDataDir, 'postmaster.pid'));
  if (pid === null || !alive(pid)) return; // a stale pid file alone is handled by Postgres itself
  process.kill(pid, 'SIGINT'); // fast shutdown: roll back open transactions, checkpoint, exit
  const deadline = Date.now() + SHUTDOWN_WAIT_MS;
  while (alive(pid)) {
    if (Date.now() > deadline) throw new Error(`orphaned Postgres (pid ${pid}) in ${pgDataDir} did not stop`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Takes the data dir for this process; returns the release function. */
export async function lockDataDir(dataDir: string, pgDataDir: string | null): Promise<() => Promise<void>> {
  await mkdir(dataDir, { recursive: true });
  const file = join(dataDir, LOCK_FILE);
  const owner = await readPid(file);
  if (owner !== null && owner !== process.pid && alive(owner)) {
    throw new Error(
      `the data dir ${dataDir} is in use by a running local stack (pid ${owner}); stop it first or use another --data-dir`,
    );
  }
  if (pgDataDir !== null) await stopOrphanedPostmaster(pgDataDir);
  await writeFile(file, `${process.pid}\n`);
  return async () => {
    if ((await readPid(file)) === process.pid) await unlink(file).catch(() => undefined);
  };
}
