// The transport contract between a HostClient and a host, and the wire envelopes. A transport
// only moves JSON-able data; validation happens at both ends with the channel table.
import { z } from 'zod';
import { HostErrorData } from './errors.js';

/** The outcome of one call as it travels: never a thrown exception across the boundary. */
export const CallResult = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), value: z.unknown() }).strict(),
  z.object({ ok: z.literal(false), error: HostErrorData }).strict(),
]);
export type CallResult = z.infer<typeof CallResult>;

export interface HostTransport {
  /** Sends one call; resolves with the host's CallResult (still unvalidated data). */
  call(channel: string, args: unknown[]): Promise<unknown>;
  /** Delivers every event the host pushes (still unvalidated data); returns unsubscribe. */
  subscribe(listener: (event: unknown) => void): () => void;
}

export { BRIDGE_GLOBAL, IPC_CALL, IPC_EVENT } from './ipc-names.js';

// ── WebSocket messages (web mode) ─────────────────────────────────────────────────────────────
/** Path of the WebSocket endpoint; the per-launch token goes in the `token` query parameter. */
export const WS_PATH = '/host';

export const WsRequest = z
  .object({
    kind: z.literal('call'),
    id: z.number().int().nonnegative(),
    channel: z.string().max(128),
    args: z.array(z.unknown()).max(16),
  })
  .strict();
export type WsRequest = z.infer<typeof WsRequest>;

export const WsServerMessage = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('result'), id: z.number().int(), result: CallResult }).strict(),
  z.object({ kind: z.literal('event'), event: z.unknown() }).strict(),
]);
export type WsServerMessage = z.infer<typeof WsServerMessage>;
