export * from './atomic-write.js';
export * from './autosave.js';
export * from './dialogs.js';
export * from './dispatcher.js';
export * from './examples.js';
export * from './home.js';
export * from './host-service.js';
export * from './recent.js';
