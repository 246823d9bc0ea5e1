import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'bench',
    root: import.meta.dirname,
    // Unit tests of the harness only; the benchmark itself runs with `pnpm bench`, never as a test.
    include: ['src/**/*.test.ts'],
  },
});
