// Bundles the Node side (Electron main, preload, CLI, web server) with esbuild into dist/main.
// (Placeholder: filled in by the app track.)
