// Host calls over Electron IPC: one invoke channel, every message validated by the dispatcher
// (the zod channel table), and only from our own page.
import { ipcMain, type WebContents } from 'electron';
import {
  HostError,
  IPC_CALL,
  IPC_EVENT,
  checkHostEvent,
  type CallResult,
  type HostDispatcher,
  type HostEvent,
} from '../../core/host/index.js';
import { isAppUrl } from './app-protocol.js';

export function registerHostIpc(
  dispatch: HostDispatcher,
  afterCall: (channel: string, result: CallResult) => void = () => {},
): void {
  ipcMain.handle(IPC_CALL, async (event, channel: unknown, args: unknown): Promise<CallResult> => {
    // A frame that is not our app (it cannot normally exist: navigation is blocked) gets nothing.
    const url = event.senderFrame?.url ?? '';
    if (!isAppUrl(url)) {
      return {
        ok: false,
        error: new HostError('bad-request', `host call from an untrusted page (${url})`).toData(),
      };
    }
    const result = await dispatch(channel, args);
    if (typeof channel === 'string') afterCall(channel, result);
    return result;
  });
}

export function sendHostEvent(contents: WebContents | undefined, event: HostEvent): void {
  if (!contents || contents.isDestroyed()) return;
  contents.send(IPC_EVENT, checkHostEvent(event));
}
