// Every subcommand registers itself through one function. Add new commands to this list.
import type { Command } from 'commander';
import { registerEmu } from './emu.js';
import { registerGenerate } from './generate.js';
import { registerImport } from './import.js';
import { registerNew } from './new.js';
import { registerPlatforms } from './platforms.js';
import { registerValidate } from './validate.js';

/** Registers a subcommand; `setExit` records the process exit code the command wants. */
export type RegisterCommand = (program: Command, setExit: (code: number) => void) => void;

export const commands: RegisterCommand[] = [
  registerValidate,
  registerGenerate,
  registerImport,
  registerPlatforms,
  registerNew,
  registerEmu,
];
