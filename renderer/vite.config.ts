// Builds the renderer into dist/renderer. Everything (Monaco, its worker, fonts) is bundled: the
// app never loads from a CDN. Paths come from import.meta.url (no Node imports in renderer/).
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const here = (p: string) => decodeURIComponent(new URL(p, import.meta.url).pathname);

export default defineConfig({
  root: here('.'),
  base: './',
  plugins: [react()],
  build: {
    outDir: here('../dist/renderer'),
    emptyOutDir: true,
    // Monaco alone is ~3 MB; it is loaded from disk, never over a network.
    chunkSizeWarningLimit: 5000,
  },
});
