import { defineProject } from 'vitest/config';

// Referenced from the root vitest.config.ts as a project; `root` keeps the globs relative to client/.
export default defineProject({
  root: import.meta.dirname,
  test: {
    name: 'client',
    environment: 'node',
    include: ['src/**/*.test.{ts,tsx}'],
  },
});
