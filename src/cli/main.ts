// `roster`: the command line for a Roster service. Exit codes: 0 success, 1 a call that failed
// (the problem's title and detail on stderr, nothing on stdout), 2 bad usage.
import { Command, CommanderError, Option } from 'commander';
import { CliError, problemMessage } from './api.ts';
import { dataCommands } from './data.ts';
import { directoryCommands } from './directory.ts';
import { loginCommands } from './login.ts';
import type { Globals } from './output.ts';

export function program(): Command {
  const root = new Command('roster')
    .description('Manage a Roster user directory: users, groups, tokens, imports and backups.')
    .version('0.1.0')
    .option('--profile <name>', 'the saved profile to use (default: the last one logged in)')
    .addOption(new Option('-o, --output <format>', 'how results are printed').choices(['table', 'json', 'ndjson']).default('table'))
    .showHelpAfterError()
    .exitOverride();
  const globals = () => root.opts<Globals>();
  loginCommands(root, globals);
  directoryCommands(root, globals);
  dataCommands(root, globals);
  // Every command reports usage errors the same way, with exit code 2.
  for (const command of root.commands) command.exitOverride().showHelpAfterError();
  for (const command of root.commands.flatMap((c) => c.commands)) command.exitOverride().showHelpAfterError();
  return root;
}

export async function run(argv: string[]): Promise<number> {
  try {
    await program().parseAsync(argv, { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version "fail" with exit code 0; usage errors were printed by commander.
      return error.exitCode === 0 ? 0 : 2;
    }
    process.stderr.write(`${problemMessage(error)}\n`);
    return error instanceof CliError ? error.exitCode : 1;
  }
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('/cli.js')) {
  process.exitCode = await run(process.argv.slice(2));
}
