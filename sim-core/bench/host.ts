/**
 * What the benchmark scripts read from where they run: Node (bench/shipped.mjs, or tsx), or a Web
 * Worker of headless Chromium (bench/browser.mjs, which gives the script a CPU clock and its
 * arguments). The package compiles with lib ES2022 only (it must not rely on Node or DOM).
 */

declare const console: { log(...args: unknown[]): void };

interface Host {
  process?: {
    argv: string[];
    exit(code: number): never;
    cpuUsage(): { user: number; system: number };
    version: string;
    versions: { v8: string };
  };
  navigator?: { userAgent: string };
  /** In a browser, the host's CPU clock for this script's process (bench/browser.mjs gives one). */
  benchCpuSeconds?: () => number;
  /** The script's arguments when a runner (bench/shipped.mjs, bench/browser.mjs) runs it: those after its name. */
  benchArgs?: string[];
}

const host = globalThis as unknown as Host;
const node = host.process;
const hostCpuSeconds = host.benchCpuSeconds;
if (node === undefined && hostCpuSeconds === undefined) {
  throw new Error('no CPU clock: run on Node, or in a browser through bench/browser.mjs');
}

/** Where the script runs. */
export const RUNTIME =
  node !== undefined
    ? `node ${node.version} (V8 ${node.versions.v8})`
    : `${/(Chrome|Chromium)\/[\d.]+/.exec(host.navigator?.userAgent ?? '')?.[0] ?? 'browser'} (Web Worker)`;

/** The script's arguments: from its runner, or (run directly on Node) process.argv after the script. */
export const SCRIPT_ARGS: readonly string[] = host.benchArgs ?? node?.argv.slice(2) ?? [];

/**
 * Seconds of CPU time used by this process (user + system; in a browser, by its renderer
 * processes, as the host measures them). The machine is shared by several busy processes, so
 * wall-clock time would measure the neighbours; CPU time of a single-threaded loop measures the code.
 */
export function cpuSeconds(): number {
  if (node === undefined) return hostCpuSeconds!();
  const u = node.cpuUsage();
  return (u.user + u.system) / 1e6;
}

/**
 * Ends the script with its usage text: on Node printed, exit code 0 when asked for (`--help`), else 1;
 * in a browser thrown, so that bench/browser.mjs reports it.
 */
export function exitWithUsage(text: string, asked: boolean): never {
  if (node === undefined) throw new Error(text);
  console.log(text);
  return node.exit(asked ? 0 : 1);
}
