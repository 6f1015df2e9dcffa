export * from './schema.js';
export * from './numbers.js';
export * from './path.js';
export * from './project-file.js';
export * from './locate.js';
