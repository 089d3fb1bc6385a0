// Terminal output helpers: the live status line / progress bar (TTY only) and log lines
// (plain text, or JSON lines with --json).

export interface Output {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface CliIo {
  stdout: Output;
  stderr: Output;
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  env: Record<string, string | undefined>;
}

/** A single line rewritten in place on a TTY; a no-op elsewhere. Throttled to 10 updates/s. */
export class StatusLine {
  private last = '';
  private lastAt = 0;
  private readonly enabled: boolean;

  constructor(
    private readonly out: Output,
    enabled = true,
  ) {
    this.enabled = enabled && out.isTTY === true;
  }

  get active(): boolean {
    return this.enabled;
  }

  update(text: string, force = false): void {
    if (!this.enabled) return;
    const now = Date.now();
    if (!force && now - this.lastAt < 100) return;
    this.lastAt = now;
    const columns = this.out.columns && this.out.columns > 0 ? this.out.columns : 80;
    const width = Math.max(20, columns - 1);
    const line = text.length > width ? text.slice(0, width - 1) + '…' : text;
    if (line === this.last) return;
    this.last = line;
    this.out.write(`\r\x1b[2K${line}`);
  }

  /** Erases the line so ordinary output can follow. */
  clear(): void {
    if (!this.enabled || this.last === '') return;
    this.out.write('\r\x1b[2K');
    this.last = '';
  }
}

export function progressBar(done: number, total: number, width = 30): string {
  const frac = total > 0 ? Math.min(1, done / total) : 0;
  const filled = Math.round(frac * width);
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(frac * 100).toFixed(0).padStart(3)}%`;
}

export type LogLevel = 'info' | 'warn' | 'error';

/** Log lines to stderr: `HH:MM:SS message` or one JSON object per line with --json. */
export class Logger {
  constructor(
    private readonly out: Output,
    private readonly json: boolean,
    private readonly status?: StatusLine,
  ) {}

  log(level: LogLevel, msg: string, fields: Record<string, unknown> = {}): void {
    this.status?.clear();
    if (this.json) {
      this.out.write(JSON.stringify({ time: new Date().toISOString(), level, msg, ...fields }) + '\n');
      return;
    }
    const time = new Date().toISOString().slice(11, 19);
    const extra = Object.entries(fields)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
      .join(' ');
    this.out.write(
      `${time} ${level === 'info' ? '' : level.toUpperCase() + ' '}${msg}${extra ? ' ' + extra : ''}\n`,
    );
  }

  info(msg: string, fields?: Record<string, unknown>): void {
    this.log('info', msg, fields);
  }
  warn(msg: string, fields?: Record<string, unknown>): void {
    this.log('warn', msg, fields);
  }
  error(msg: string, fields?: Record<string, unknown>): void {
    this.log('error', msg, fields);
  }
}
