// createHostClient: a typed HostService over any transport. Requests are checked before they
// leave (a caller bug fails fast with the same message the host would give) and responses and
// events are checked on arrival, so the renderer can trust the types it is given.
import { channelNames, hostChannels, type ChannelName } from './channels.js';
import { describeIssues, HostError } from './errors.js';
import { HostEvent } from './events.js';
import { splitChannel, type HostClient } from './service.js';
import { CallResult, type HostTransport } from './transport.js';

export function createHostClient(transport: HostTransport): HostClient {
  const client: Record<string, unknown> = {};
  for (const channel of channelNames) {
    const [group, method] = splitChannel(channel);
    const ns = (client[group] ??= {}) as Record<string, unknown>;
    ns[method] = (...args: unknown[]) => call(transport, channel, args);
  }
  client.onEvent = (listener: (event: HostEvent) => void) =>
    transport.subscribe((raw) => {
      const event = HostEvent.safeParse(raw);
      // An event this renderer does not understand (newer host) is dropped, not fatal.
      if (event.success) listener(event.data);
    });
  return client as HostClient;
}

async function call(transport: HostTransport, channel: ChannelName, args: unknown[]) {
  // JSON turns a trailing `undefined` into null, which an optional argument rejects: trim.
  const trimmed = [...args];
  while (trimmed.length > 0 && trimmed[trimmed.length - 1] === undefined) trimmed.pop();
  const spec = hostChannels[channel];
  const request = spec.request.safeParse(trimmed);
  if (!request.success) {
    throw new HostError(
      'bad-request',
      `${channel}: bad request: ${describeIssues(request.error)}`,
      channel,
    );
  }
  const raw = await transport.call(channel, trimmed);
  const result = CallResult.safeParse(raw);
  if (!result.success) {
    throw new HostError('bad-response', `${channel}: malformed reply from the host`, channel);
  }
  if (!result.data.ok) throw HostError.fromData(result.data.error);
  const response = spec.response.safeParse(result.data.value);
  if (!response.success) {
    throw new HostError(
      'bad-response',
      `${channel}: bad response: ${describeIssues(response.error, 'result')}`,
      channel,
    );
  }
  return response.data;
}
