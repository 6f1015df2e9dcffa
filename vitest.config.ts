import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Emulator and end-to-end tests boot real firmware and browsers: give them room.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Two cores on CI: keep parallelism modest so timing-sensitive boots stay stable.
    maxWorkers: 2,
    reporters: ['default', './test/summary-reporter.ts'],
  },
});
