// The host side of every transport: validate the request against the channel table, call the
// service, validate the response, and turn any failure into a CallResult. Electron's ipcMain
// handler and the web-mode WebSocket server both go through this one function.
import { hostChannels, isChannelName } from './channels.js';
import { describeIssues, HostError } from './errors.js';
import { HostEvent } from './events.js';
import { splitChannel, type HostService } from './service.js';
import type { CallResult } from './transport.js';

export type HostDispatcher = (channel: unknown, args: unknown) => Promise<CallResult>;

export interface DispatcherOptions {
  /** Turns an unexpected exception into a HostError (e.g. Node's ENOENT → "not-found"). */
  mapError?: (error: unknown, channel: string) => HostError | undefined;
  /** Called for errors that are not HostErrors (host bugs): log them. */
  onInternalError?: (error: unknown, channel: string) => void;
}

export function createHostDispatcher(
  service: HostService,
  options: DispatcherOptions = {},
): HostDispatcher {
  return async (channel, args) => {
    if (!isChannelName(channel)) {
      const name = typeof channel === 'string' ? `"${channel.slice(0, 128)}"` : typeof channel;
      return failure(new HostError('unknown-channel', `unknown host channel ${name}`));
    }
    const spec = hostChannels[channel];
    const request = spec.request.safeParse(args);
    if (!request.success) {
      return failure(
        new HostError(
          'bad-request',
          `${channel}: bad request: ${describeIssues(request.error)}`,
          channel,
        ),
      );
    }
    let value: unknown;
    try {
      const [group, method] = splitChannel(channel);
      const fn = (service[group] as Record<string, (...a: unknown[]) => Promise<unknown>>)[method];
      if (typeof fn !== 'function') {
        throw new HostError('unknown-channel', `${channel}: not implemented by this host`, channel);
      }
      value = await fn.apply(service[group], request.data as unknown[]);
    } catch (error) {
      if (error instanceof HostError) return failure(withChannel(error, channel));
      const mapped = options.mapError?.(error, channel);
      if (mapped) return failure(withChannel(mapped, channel));
      options.onInternalError?.(error, channel);
      const message = error instanceof Error ? error.message : String(error);
      return failure(new HostError('internal', `${channel}: ${message}`, channel));
    }
    const response = spec.response.safeParse(value);
    if (!response.success) {
      options.onInternalError?.(response.error, channel);
      return failure(
        new HostError(
          'bad-response',
          `${channel}: the host returned a bad response: ${describeIssues(response.error, 'result')}`,
          channel,
        ),
      );
    }
    return { ok: true, value: response.data };
  };
}

/** Validates an event before the host sends it (throws on a host bug). */
export function checkHostEvent(event: HostEvent): HostEvent {
  return HostEvent.parse(event);
}

function failure(error: HostError): CallResult {
  return { ok: false, error: error.toData() };
}

function withChannel(error: HostError, channel: string): HostError {
  return error.channel ? error : new HostError(error.code, error.message, channel);
}
