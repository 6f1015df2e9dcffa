// Every subcommand registers itself through one function. Add new commands to this list.
import type { Command } from 'commander';

/** Registers a subcommand; `setExit` records the process exit code the command wants. */
export type RegisterCommand = (program: Command, setExit: (code: number) => void) => void;

export const commands: RegisterCommand[] = [];
