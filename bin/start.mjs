#!/usr/bin/env node
// `npm start` (after `npm run build`): opens the Electron app when Electron's binary is
// installed, and otherwise serves the same UI in web mode on 127.0.0.1 and prints its address.
//
//   node bin/start.mjs [--web] [--port N] [--no-open]
//   env: BAO_STUDIO_PORT, BAO_STUDIO_NO_OPEN=1, BAO_STUDIO_HOME (state folder)
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const root = fileURLToPath(new URL('..', import.meta.url));

const { values } = parseArgs({
  options: {
    web: { type: 'boolean', default: false },
    port: { type: 'string' },
    'no-open': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help) {
  console.log(
    'Usage: npm start [-- --web] [-- --port N] [-- --no-open]\n' +
      '  --web      serve the UI in web mode even when Electron is installed\n' +
      '  --port N   web mode port on 127.0.0.1 (default: a free port; env BAO_STUDIO_PORT)\n' +
      '  --no-open  do not open a browser (env BAO_STUDIO_NO_OPEN=1)',
  );
  process.exit(0);
}

/** Electron's executable if its binary was installed, without triggering electron's download
 * (require('electron') would try to download it when missing). */
function electronBinary() {
  const pkg = join(root, 'node_modules', 'electron');
  const pathFile = join(pkg, 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const relative = readFileSync(pathFile, 'utf8').trim();
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH || join(pkg, 'dist');
  const binary = join(distDir, relative);
  return relative && existsSync(binary) ? binary : undefined;
}

function requireBuilt(file) {
  if (!existsSync(join(root, file))) {
    console.error(`bao-studio: ${file} is missing: run \`npm run build\` first (npm start does).`);
    process.exit(1);
  }
}

function parsePort(text) {
  if (text === undefined || text === '') return 0;
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`bao-studio: invalid port "${text}" (expected 0-65535)`);
    process.exit(2);
  }
  return port;
}

/** Opens the URL in the user's browser, if there is one to open it in. */
function openBrowser(url) {
  if (values['no-open'] || process.env.BAO_STUDIO_NO_OPEN === '1' || process.env.CI) return;
  let command;
  let args;
  if (process.platform === 'darwin') [command, args] = ['open', [url]];
  else if (process.platform === 'win32') [command, args] = ['explorer.exe', [url]];
  else {
    if (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return; // no desktop session
    [command, args] = ['xdg-open', [url]];
  }
  const child = spawn(command, args, { stdio: 'ignore', detached: true });
  child.on('error', () => {}); // no opener installed: the printed URL is enough
  child.unref();
}

const electron = values.web ? undefined : electronBinary();
if (electron) {
  requireBuilt('dist/main/electron-main.cjs');
  // ELECTRON_RUN_AS_NODE (set by some tools) would make Electron a plain Node: drop it.
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  const child = spawn(electron, [root], { stdio: 'inherit', env });
  child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
} else {
  requireBuilt('dist/main/web-mode.mjs');
  requireBuilt('dist/renderer/index.html');
  const { startWebMode } = await import(pathToFileURL(join(root, 'dist/main/web-mode.mjs')).href);
  let server;
  try {
    server = await startWebMode({
      rendererDir: join(root, 'dist', 'renderer'),
      port: parsePort(values.port ?? process.env.BAO_STUDIO_PORT),
    });
  } catch (error) {
    console.error(`bao-studio: cannot start web mode: ${error.message}`);
    process.exit(1);
  }
  if (!values.web) console.log('Electron is not installed: serving Bao Studio in web mode.');
  console.log(`Bao Studio is running at ${server.url}`);
  console.log('Press Ctrl+C to stop.');
  openBrowser(server.url);
  const stop = () => void server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
