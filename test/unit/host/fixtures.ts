// Shared set-up for the host tests: a temporary studio home and the real Node host service.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHostClient, type HostClient, type HostTransport } from '../../../core/host/index.js';
import { noDialogs, type Dialogs } from '../../../main/services/dialogs.js';
import { createNodeDispatcher } from '../../../main/services/dispatcher.js';
import { loadExampleCatalog } from '../../../main/services/default-examples.js';
import { createNodeHostService } from '../../../main/services/host-service.js';

export async function tempDir(
  prefix = 'bao-host-',
): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

export async function nodeHost(home: string, dialogs: Dialogs = noDialogs) {
  const service = createNodeHostService({
    home,
    mode: 'web',
    dialogs,
    examples: await loadExampleCatalog(),
  });
  const logged: string[] = [];
  const dispatch = createNodeDispatcher(service, (m) => logged.push(m));
  // An in-process transport that still goes through JSON, as IPC and WebSocket do.
  const transport: HostTransport = {
    call: async (channel, args) =>
      JSON.parse(JSON.stringify(await dispatch(channel, JSON.parse(JSON.stringify(args))))),
    subscribe: () => () => {},
  };
  const client: HostClient = createHostClient(transport);
  return { service, dispatch, client, logged };
}
