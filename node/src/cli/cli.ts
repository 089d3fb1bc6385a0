// The CLI dispatcher: parses the command line, runs a command, maps errors to exit codes
// (0 ok, 1 runtime failure, 2 bad arguments or unreadable/invalid files).
import { helpText, parseCommandLine, UsageError } from './args.ts';
import type { CommandName } from './args.ts';
import type { CliIo } from './terminal.ts';
import { simCommand } from './sim-command.ts';
import { runCommand } from './run-command.ts';
import { statusCommand } from './status-command.ts';
import { resetCommand } from './reset-command.ts';
import { ConfigFileError } from '../headless/config-ini.ts';
import { NODE_VERSION } from '../version.ts';

export async function main(argv: string[], io: CliIo): Promise<number> {
  let command: CommandName | null = null;
  try {
    const cmd = parseCommandLine(argv);
    command = argv[0] === cmd.command ? cmd.command : null;
    if (cmd.version) {
      io.stdout.write(`wowlab-node ${NODE_VERSION}\n`);
      return 0;
    }
    if (cmd.help) {
      io.stdout.write(helpText(command) + '\n');
      return 0;
    }
    switch (cmd.command) {
      case 'sim':
        return await simCommand(cmd, io);
      case 'run':
        return await runCommand(cmd, io);
      case 'status':
        return await statusCommand(cmd, io);
      case 'reset':
        return await resetCommand(cmd, io);
    }
  } catch (err) {
    if (err instanceof UsageError || err instanceof ConfigFileError) {
      io.stderr.write(`wowlab-node: ${err.message}\n`);
      if (err instanceof UsageError) {
        io.stderr.write(`Run "wowlab-node ${command ? command + ' ' : ''}--help" for usage.\n`);
      }
      return 2;
    }
    io.stderr.write(`wowlab-node: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
}
