import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'packages',
          include: ['packages/*/src/**/*.test.ts'],
          typecheck: { enabled: true, include: ['packages/*/src/**/*.test-d.ts'], tsconfig: 'packages/protocol/tsconfig.json' },
        },
      },
      'server/vitest.config.ts',
      'client/vitest.config.ts',
      'bench/vitest.config.ts',
    ],
  },
});
