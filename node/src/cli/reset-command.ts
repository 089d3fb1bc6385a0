// `wowlab-node reset`: forget the identity (node.key and node_id), after confirmation.
import { createInterface } from 'node:readline/promises';
import { stringOption, UsageError } from './args.ts';
import type { ParsedCommand } from './args.ts';
import type { CliIo } from './terminal.ts';
import { loadSetup, saveSettings } from '../headless/node-setup.ts';

export async function resetCommand(cmd: ParsedCommand, io: CliIo): Promise<number> {
  const setup = await loadSetup({ configDir: stringOption(cmd.values, 'config-dir') }, io.env);
  const hasKey = (await setup.keyStore.publicKey()) !== null;
  if (!hasKey && !setup.settings.nodeId) {
    io.stdout.write(
      cmd.json
        ? JSON.stringify({ reset: false, reason: 'no identity' }) + '\n'
        : 'Nothing to reset: this machine has no node identity.\n',
    );
    return 0;
  }
  if (!cmd.values.yes) {
    if (!io.stdin.isTTY) throw new UsageError('reset needs confirmation: run it in a terminal or pass --yes');
    const rl = createInterface({ input: io.stdin, output: io.stderr as NodeJS.WritableStream });
    try {
      const answer = await rl.question(
        `Forget this node's identity${setup.settings.nodeId ? ` (${setup.settings.nodeId})` : ''}? ` +
          'It will have to be claimed again. [y/N] ',
      );
      if (!/^y(es)?$/i.test(answer.trim())) {
        io.stdout.write('Cancelled.\n');
        return 1;
      }
    } finally {
      rl.close();
    }
  }
  await setup.keyStore.remove();
  if (setup.existed) {
    setup.settings.nodeId = null;
    await saveSettings(setup);
  }
  io.stdout.write(
    cmd.json
      ? JSON.stringify({ reset: true }) + '\n'
      : 'Identity forgotten. The next run registers a new node.\n',
  );
  return 0;
}
