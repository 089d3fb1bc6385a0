// Entry point of the `wowlab-node` binary (bundled to dist/cli.js with a shebang).
import { main } from './cli.ts';

const code = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
});
process.exitCode = code;
