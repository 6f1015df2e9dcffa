// The `bao-studio` command line: one file per subcommand in ./commands, registered here.
// Exit status, for CI: 0 success, 1 the input has validation errors (or dtc rejected a generated
// device tree), 2 the command could not do its job (usage mistake, unreadable or malformed input).
import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { commands } from './commands/registry.js';
import { UserError } from './user-error.js';

const EXIT_OK = 0;
const EXIT_USAGE = 2;

function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
  return String(pkg.version);
}

export async function runCli(argv: string[]): Promise<number> {
  const program = new Command('bao-studio')
    .description('Design, validate, generate, build and run Bao hypervisor systems')
    .version(packageVersion(), '-V, --version', 'print the version')
    .exitOverride()
    // One line and a pointer, not the whole help page, after a usage mistake.
    .showHelpAfterError("(run 'bao-studio help <command>' for its usage)")
    .addHelpText(
      'after',
      '\nExit status: 0 ok, 1 validation errors, 2 usage or input errors (one line on stderr).',
    );
  let exitCode = EXIT_OK;
  for (const register of commands) register(program, (code) => (exitCode = code));
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    if (err instanceof UserError) {
      process.stderr.write(`bao-studio: ${err.message}\n`);
      return EXIT_USAGE;
    }
    throw err;
  }
  return exitCode;
}
