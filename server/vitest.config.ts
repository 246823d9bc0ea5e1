import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'server',
    root: import.meta.dirname,
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    // argon2 and a real database: give slow machines room, but no test waits on a timer.
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
