// The `bao-studio` command line: one file per subcommand in ./commands, registered here.
import { Command, CommanderError } from 'commander';
import { commands } from './commands/registry.js';
import { UserError } from './user-error.js';

export async function runCli(argv: string[]): Promise<number> {
  const program = new Command('bao-studio')
    .description('Design, validate, generate, build and run Bao hypervisor systems')
    .exitOverride()
    .showHelpAfterError();
  let exitCode = 0;
  for (const register of commands) register(program, (code) => (exitCode = code));
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode;
    if (err instanceof UserError) {
      process.stderr.write(`bao-studio: ${err.message}\n`);
      return 2;
    }
    throw err;
  }
  return exitCode;
}
