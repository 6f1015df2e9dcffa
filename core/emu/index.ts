// The emulator's public API (pure TypeScript; hosts add core/emu/node or core/emu/web).
export * from './machine.js';
export * from './events.js';
export * from './options.js';
export * from './csr-names.js';
export * from './symbols.js';
export * from './memory-map.js';
export * from './protocol.js';
export * from './worker-client.js';
export * from './worker-server.js';
export * from './live-view.js';
export * from './loaders/index.js';
export { virtDeviceTree, encodeFdt, decodeFdt, toDts } from './fdt/index.js';
