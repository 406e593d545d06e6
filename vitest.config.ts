import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'web/src/**/*.test.ts'],
    // Corpus-wide tests parse thousands of messages; the machines are shared and noisy.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
