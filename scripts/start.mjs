// `pnpm start`: installs what is missing, builds the client, starts the server with demo data
// on the local database (or MONGODB_URI).
import { ensureDependencies, log, run, ROOT } from './lib.mjs';

const started = Date.now();
try {
  await ensureDependencies();
  await run('node', ['scripts/setup.mjs', '--db']);
  log('Building the client…');
  await run('pnpm', ['--filter', '@e-cabinet/client', 'build']);
  log(`Ready to start after ${((Date.now() - started) / 1000).toFixed(1)} s of preparation.`);
  // exec-like: the server gets our signals and its exit code is ours.
  // Straight under node: through pnpm and tsx the server would get each signal twice, and
  // close-with-grace treats a second signal as "exit now", skipping the clean shutdown.
  await run('node', ['--import', 'tsx', 'server/src/server.ts'], { cwd: ROOT });
} catch (err) {
  log(err.message);
  process.exit(err.exitCode ?? 1);
}
