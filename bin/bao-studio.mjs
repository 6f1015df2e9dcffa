#!/usr/bin/env node
// Runs the TypeScript CLI through tsx's loader, so the CLI needs no separate build step.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../main/cli/index.ts');
process.exitCode = await runCli(process.argv.slice(2));
