// Starts web mode: the Node host services (without native dialogs) behind the loopback server.
// Used by bin/start.mjs (through the dist/main/web-mode.mjs bundle) and by the e2e harness.
import { mkdir } from 'node:fs/promises';
import { loadExampleCatalog } from '../services/default-examples.js';
import { noDialogs } from '../services/dialogs.js';
import { createNodeDispatcher } from '../services/dispatcher.js';
import { defaultStudioHome } from '../services/home.js';
import { createNodeHostService } from '../services/host-service.js';
import { startWebServer, type WebServer } from './server.js';

export interface WebModeOptions {
  rendererDir: string;
  port?: number;
  /** Studio home (recent, autosave); default BAO_STUDIO_HOME or the per-user folder. */
  home?: string;
  token?: string;
  log?: (message: string) => void;
}

export interface WebMode extends WebServer {
  home: string;
}

export async function startWebMode(options: WebModeOptions): Promise<WebMode> {
  const home = options.home ?? defaultStudioHome();
  await mkdir(home, { recursive: true });
  const service = createNodeHostService({
    home,
    mode: 'web',
    dialogs: noDialogs,
    examples: await loadExampleCatalog(),
  });
  const server = await startWebServer({
    rendererDir: options.rendererDir,
    dispatch: createNodeDispatcher(service, options.log),
    port: options.port,
    token: options.token,
  });
  return { ...server, home };
}
