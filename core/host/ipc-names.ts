// Names shared by the Electron preload and main. Kept free of zod so the sandboxed preload
// bundle stays a few lines.

/** The Electron preload exposes the transport as `window.baoHost`. */
export const BRIDGE_GLOBAL = 'baoHost';
/** Electron IPC channel names used by the preload and main. */
export const IPC_CALL = 'bao-host:call';
export const IPC_EVENT = 'bao-host:event';
