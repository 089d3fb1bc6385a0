// Registers the /wlab application command with Discord (a bulk PUT: replaces whatever was
// registered before). Run: pnpm --filter @wowlab/sentinel discord:register [--guild <id>] [--dry-run]
import { REST, Routes } from 'discord.js';
import type { RESTPutAPIApplicationCommandsJSONBody } from 'discord.js';
import { pathToFileURL } from 'node:url';
import { buildCommandBodies } from './commands.ts';

export const USAGE = `Usage: pnpm --filter @wowlab/sentinel discord:register [options]

Registers the /wlab slash command (PUT, replaces the application's previous commands).

Options:
  --guild <id>   register in one guild only (instant; global commands take up to an hour)
  --dry-run      print the request instead of sending it
  -h, --help     show this help

Environment:
  DISCORD_TOKEN           bot token (required unless --dry-run)
  DISCORD_APPLICATION_ID  application id (required)
  DISCORD_GUILD_ID        default for --guild (optional)
`;

const SNOWFLAKE = /^[0-9]{15,21}$/;

export interface RegisterArgs {
  help: boolean;
  dryRun: boolean;
  guildId?: string;
}

export function parseArgs(argv: readonly string[]): RegisterArgs {
  const args: RegisterArgs = { help: false, dryRun: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-h' || a === '--help') args.help = true;
    else if (a === '--dry-run') args.dryRun = true;
    else if (a === '--guild') {
      const v = argv[++i];
      if (!v) throw new Error('--guild needs a guild id');
      args.guildId = v;
    } else if (a?.startsWith('--guild=')) args.guildId = a.slice('--guild='.length);
    else throw new Error(`unknown argument: ${a}`);
  }
  return args;
}

export interface Registration {
  route: `/${string}`;
  body: RESTPutAPIApplicationCommandsJSONBody;
}

/** The route and JSON body of the registration PUT. */
export function buildRegistration(applicationId: string, guildId?: string): Registration {
  if (!SNOWFLAKE.test(applicationId)) throw new Error('DISCORD_APPLICATION_ID must be a Discord id (digits)');
  if (guildId !== undefined && !SNOWFLAKE.test(guildId))
    throw new Error('the guild id must be a Discord id (digits)');
  return {
    route: guildId
      ? Routes.applicationGuildCommands(applicationId, guildId)
      : Routes.applicationCommands(applicationId),
    body: buildCommandBodies(),
  };
}

export interface RegisterIo {
  out(line: string): void;
  err(line: string): void;
  /** Defaults to a discord.js REST client with the token. */
  rest?: Pick<REST, 'put'>;
}

/** Returns the process exit code. */
export async function main(
  argv: readonly string[],
  env: Record<string, string | undefined>,
  io: RegisterIo,
): Promise<number> {
  let args: RegisterArgs;
  try {
    args = parseArgs(argv);
  } catch (err) {
    io.err(`${(err as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (args.help) {
    io.out(USAGE);
    return 0;
  }
  const token = env.DISCORD_TOKEN?.trim();
  const applicationId = env.DISCORD_APPLICATION_ID?.trim();
  const guildId = args.guildId ?? (env.DISCORD_GUILD_ID?.trim() || undefined);
  const missing = [
    !applicationId && 'DISCORD_APPLICATION_ID',
    !token && !args.dryRun && 'DISCORD_TOKEN',
  ].filter(Boolean);
  if (missing.length > 0) {
    io.err(`missing environment: ${missing.join(', ')}\n\n${USAGE}`);
    return 2;
  }
  let reg: Registration;
  try {
    reg = buildRegistration(applicationId as string, guildId);
  } catch (err) {
    io.err((err as Error).message);
    return 2;
  }
  if (args.dryRun) {
    io.out(`PUT ${reg.route}\n${JSON.stringify(reg.body, null, 2)}`);
    return 0;
  }
  const rest = io.rest ?? new REST({ version: '10' }).setToken(token as string);
  try {
    const result = (await rest.put(reg.route, { body: reg.body })) as unknown[];
    io.out(
      `registered ${Array.isArray(result) ? result.length : '?'} command(s) ${guildId ? `in guild ${guildId}` : 'globally'}`,
    );
    return 0;
  } catch (err) {
    io.err(`registration failed: ${(err as Error).message}`);
    return 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const code = await main(process.argv.slice(2), process.env, {
    out: (l) => process.stdout.write(`${l}\n`),
    err: (l) => process.stderr.write(`${l}\n`),
  });
  process.exitCode = code;
}
