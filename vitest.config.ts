import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 30000,
    // beforeAll hooks may build dist/ (type-check included) on a busy 2-core machine
    hookTimeout: 180000,
    pool: 'forks',
  },
});
