// Device trees: build (virt generator), encode (DTB writer), decode (user DTBs).
export * from './tree.js';
export * from './writer.js';
export * from './reader.js';
export * from './virt.js';
export * from './dts.js';
