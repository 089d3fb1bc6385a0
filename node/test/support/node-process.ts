// `wowlab-node run --json` as a child process, its JSON log lines collected.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { onTestFailed } from 'vitest';
import { CLI_SOURCE, NODE_ROOT } from './run-cli.ts';

export interface LogLine {
  level: string;
  msg: string;
  [key: string]: unknown;
}

/** `wowlab-node run --json` in a child process; its JSON log lines are collected. */
export class NodeProcess {
  readonly logs: LogLine[] = [];
  readonly output: string[] = [];
  readonly exited: Promise<number | null>;
  private readonly child: ChildProcess;
  private waiters: Array<() => void> = [];

  constructor(args: string[]) {
    this.child = spawn(process.execPath, ['--import', 'tsx', CLI_SOURCE, 'run', '--json', ...args], {
      cwd: NODE_ROOT,
      env: { ...process.env, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    for (const stream of [this.child.stdout!, this.child.stderr!]) {
      createInterface({ input: stream }).on('line', (line) => {
        this.output.push(line);
        try {
          this.logs.push(JSON.parse(line) as LogLine);
        } catch {
          // not a log line (e.g. a Node warning)
        }
        for (const w of this.waiters.splice(0)) w();
      });
    }
    this.exited = new Promise((resolve) => this.child.on('exit', (code) => resolve(code)));
  }

  /** Prints the last lines of this node's output if the running test fails (CI shows only that). */
  reportOnFailure(): this {
    onTestFailed(() => {
      console.error(`wowlab-node pid ${this.pid}, last output:\n${this.output.slice(-40).join('\n')}`);
    });
    return this;
  }

  get pid(): number {
    return this.child.pid!;
  }

  kill(signal: NodeJS.Signals): void {
    this.child.kill(signal);
  }

  /** Resolves with the first log line (past or future) matching `pred`. */
  async waitForLog(pred: (l: LogLine) => boolean, what: string, timeoutMs = 60_000): Promise<LogLine> {
    return this.waitUntil(() => this.logs.find(pred), what, timeoutMs);
  }

  /**
   * Resolves with the log lines matching `pred` once there are `count` of them. A line the
   * node prints after it hears back from the sentinel can arrive after the database already
   * shows the change, so tests wait for it rather than read `logs` at once.
   */
  async waitForLogs(
    pred: (l: LogLine) => boolean,
    count: number,
    what: string,
    timeoutMs = 60_000,
  ): Promise<LogLine[]> {
    return this.waitUntil(
      () => {
        const hits = this.logs.filter(pred);
        return hits.length >= count ? hits : undefined;
      },
      `${count} × ${what}`,
      timeoutMs,
    );
  }

  private async waitUntil<T>(check: () => T | undefined, what: string, timeoutMs: number): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const hit = check();
      if (hit !== undefined) return hit;
      const left = deadline - Date.now();
      if (left <= 0)
        throw new Error(`timed out waiting for node log: ${what}\n${this.output.slice(-30).join('\n')}`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, Math.min(left, 500));
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }
}
