// CPU seconds used so far by one Postgres cluster (postmaster and its children), from /proc.
import { readdirSync, readFileSync } from 'node:fs';

export function postgresCpuSeconds(postmasterPid: number): number {
  let ticks = 0;
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      if (Number(pid) !== postmasterPid && Number(fields[1]) !== postmasterPid) continue;
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // the process ended meanwhile
    }
  }
  return ticks / 100; // USER_HZ
}

/** CPU seconds used so far by this process's main thread (the sentinel's event loop). */
export function mainThreadCpuSeconds(): number {
  const fields = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}
