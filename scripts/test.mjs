// `pnpm test`: every check, in order, stopping at the first failure:
// setup (dependencies, Chromium, the local database), typecheck, lint, unit and integration
// tests (vitest, against the real local database), then the browser tests (Playwright).
import { ensureDependencies, log, run } from './lib.mjs';

const steps = [
  ['setup', 'node', ['scripts/setup.mjs']],
  ['typecheck', 'pnpm', ['typecheck']],
  ['lint', 'pnpm', ['lint']],
  ['unit + integration (vitest)', 'pnpm', ['exec', 'vitest', 'run']],
  ['build client', 'pnpm', ['--filter', '@e-cabinet/client', 'build']],
  ['browser (Playwright)', 'pnpm', ['--filter', '@e-cabinet/e2e', 'test']],
];

const started = Date.now();
try {
  await ensureDependencies();
  for (const [name, cmd, args] of steps) {
    const t = Date.now();
    log(`── ${name}`);
    await run(cmd, args);
    log(`   ${name} passed in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  }
  log(`All checks passed in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
} catch (err) {
  log(`FAILED: ${err.message}`);
  process.exit(err.exitCode ?? 1);
}
