// Image loading: ELF/raw readers, QEMU's placement rules and its boot ROM.
export * from './errors.js';
export * from './elf.js';
export * from './boot-rom.js';
export * from './boot-plan.js';
