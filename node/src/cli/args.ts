// Command-line parsing: one option table per command, strict (unknown options are errors).
import { parseArgs } from 'node:util';
import type { ParseArgsConfig } from 'node:util';
import { HELP } from './help.ts';

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export type CommandName = 'run' | 'sim' | 'status' | 'reset';
export const COMMANDS: readonly CommandName[] = ['run', 'sim', 'status', 'reset'];

type Options = NonNullable<ParseArgsConfig['options']>;

const common: Options = {
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
  json: { type: 'boolean' },
};
const identity: Options = {
  'config-dir': { type: 'string' },
  sentinel: { type: 'string' },
};

const optionTables: Record<CommandName, Options> = {
  run: {
    ...common,
    ...identity,
    cores: { type: 'string' },
    name: { type: 'string' },
    grace: { type: 'string' },
  },
  sim: {
    ...common,
    cores: { type: 'string' },
    iterations: { type: 'string', short: 'n' },
    seed: { type: 'string' },
    spec: { type: 'string' },
    'print-config': { type: 'boolean' },
    'stat-weights': { type: 'boolean' },
    'target-error': { type: 'string' },
  },
  status: { ...common, ...identity },
  reset: { ...common, 'config-dir': { type: 'string' }, yes: { type: 'boolean', short: 'y' } },
};

export interface ParsedCommand {
  command: CommandName;
  help: boolean;
  version: boolean;
  json: boolean;
  positionals: string[];
  values: Record<string, string | boolean | undefined>;
}

export function parseCommandLine(argv: string[]): ParsedCommand {
  let command: CommandName = 'run';
  let rest = argv;
  const first = argv[0];
  if (first !== undefined && !first.startsWith('-')) {
    if (first === 'help')
      return { command: 'run', help: true, version: false, json: false, positionals: [], values: {} };
    if (!(COMMANDS as readonly string[]).includes(first)) {
      throw new UsageError(`unknown command "${first}" (commands: ${COMMANDS.join(', ')})`);
    }
    command = first as CommandName;
    rest = argv.slice(1);
  }
  let parsed: { values: Record<string, string | boolean | undefined>; positionals: string[] };
  try {
    parsed = parseArgs({
      args: rest,
      options: optionTables[command],
      allowPositionals: true,
      strict: true,
    }) as {
      values: Record<string, string | boolean | undefined>;
      positionals: string[];
    };
  } catch (err) {
    throw new UsageError((err as Error).message.replace(/\. To specify a positional.*$/s, ''));
  }
  const maxPositionals = command === 'sim' ? 1 : 0;
  if (parsed.positionals.length > maxPositionals && !parsed.values.help) {
    throw new UsageError(`unexpected argument "${parsed.positionals[maxPositionals]}" for "${command}"`);
  }
  return {
    command,
    help: parsed.values.help === true,
    version: parsed.values.version === true,
    json: parsed.values.json === true,
    positionals: parsed.positionals,
    values: parsed.values,
  };
}

export function helpText(command: CommandName | null): string {
  return command ? HELP[command] : HELP.main;
}

/** Parses an integer option within [min, max]; undefined when absent. */
export function intOption(
  values: ParsedCommand['values'],
  name: string,
  min: number,
  max: number,
): number | undefined {
  const raw = values[name];
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string' || !/^\d+$/.test(raw.trim()))
    throw new UsageError(`--${name} must be a whole number`);
  const n = Number(raw.trim());
  if (!Number.isSafeInteger(n) || n < min || n > max)
    throw new UsageError(`--${name} must be between ${min} and ${max}`);
  return n;
}

export function stringOption(values: ParsedCommand['values'], name: string): string | undefined {
  const raw = values[name];
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string' || raw.trim() === '') throw new UsageError(`--${name} needs a value`);
  return raw.trim();
}
