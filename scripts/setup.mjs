// Installs what the app and the tests need on this machine, each only when missing:
//   node scripts/setup.mjs            everything
//   node scripts/setup.mjs --db       the local database server only
//   node scripts/setup.mjs --browser  Chromium for the browser tests only
import { ensureApt, ensureDependencies, log, run } from './lib.mjs';

const args = new Set(process.argv.slice(2));
const all = !args.has('--db') && !args.has('--browser');

try {
  await ensureDependencies();
  if (all || args.has('--browser')) {
    // Never download a browser: Playwright drives Debian's Chromium.
    await ensureApt([{ pkg: 'chromium', cmd: 'chromium' }], 'browser tests');
  }
  if (all) {
    await ensureApt(
      [
        { pkg: 'qpdf', cmd: 'qpdf' },
        { pkg: 'poppler-utils', cmd: 'pdftotext' },
        // The signing tests cross-check certificates made by OpenSSL; EDXML checks use xmllint.
        { pkg: 'openssl', cmd: 'openssl' },
        { pkg: 'libxml2-utils', cmd: 'xmllint' },
        { pkg: 'fonts-noto-core' },
        // Word/Excel/PowerPoint to PDF; Liberation keeps Word's pagination.
        { pkg: 'libreoffice-writer-nogui', cmd: 'soffice' },
        { pkg: 'libreoffice-calc-nogui' },
        { pkg: 'libreoffice-impress-nogui' },
        { pkg: 'fonts-liberation2' },
      ],
      'PDF processing, office conversion and fonts',
    );
  }
  if (all || args.has('--db')) {
    await run('pnpm', ['exec', 'tsx', 'server/src/db/cli.ts', 'ensure']);
  }
} catch (err) {
  log(`setup failed: ${err.message}`);
  process.exit(err.exitCode ?? 1);
}
