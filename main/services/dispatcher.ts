// The dispatcher both hosts use: the channel table's validation plus Node error mapping.
import {
  createHostDispatcher,
  type HostDispatcher,
  type HostService,
} from '../../core/host/index.js';
import { hostErrorFromNode } from './node-errors.js';

export function createNodeDispatcher(
  service: HostService,
  log: (message: string) => void = (m) => console.error(m),
): HostDispatcher {
  return createHostDispatcher(service, {
    mapError: (error) => hostErrorFromNode(error),
    onInternalError: (error, channel) =>
      log(
        `bao-studio host: ${channel} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      ),
  });
}
