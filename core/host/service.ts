// HostService: the typed interface the renderer programs against, derived from the channel
// table so the two can never disagree. "projects.open" becomes `host.projects.open(path?)`.
import type { ChannelArgs, ChannelName, ChannelResult } from './channels.js';
import type { HostEvent } from './events.js';

type GroupOf<C> = C extends `${infer G}.${string}` ? G : never;
export type HostGroup = GroupOf<ChannelName>;

export type HostMethod<C extends ChannelName> = (
  ...args: ChannelArgs<C>
) => Promise<ChannelResult<C>>;

export type HostService = {
  [G in HostGroup]: {
    [C in ChannelName as C extends `${G}.${infer M}` ? M : never]: HostMethod<C>;
  };
};

/** What the renderer holds: the service plus the host's event stream. */
export type HostClient = HostService & {
  /** Registers a listener for host events (menu commands…); returns the unsubscribe function. */
  onEvent(listener: (event: HostEvent) => void): () => void;
};

/** Splits "group.method". */
export function splitChannel(channel: ChannelName): [HostGroup, string] {
  const dot = channel.indexOf('.');
  return [channel.slice(0, dot) as HostGroup, channel.slice(dot + 1)];
}
