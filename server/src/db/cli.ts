/**
 * `tsx server/src/db/cli.ts ensure` makes sure a local database server is available on this
 * machine (builds FerretDB into the per-machine cache when needed). Used by `pnpm setup`.
 */
import { findFerretDb, ensureFerretDb, findOnPath } from './ferretdb-build.ts';

const log = (line: string) => console.log(line);
const command = process.argv[2] ?? 'ensure';

if (command === 'ensure') {
  if (process.env.MONGODB_URI) {
    log('Database: MONGODB_URI is set; nothing to install.');
  } else if (findOnPath('mongod')) {
    log(`Database: using mongod on PATH (${findOnPath('mongod')}).`);
  } else if (findFerretDb()) {
    log(`Database: FerretDB found (${findFerretDb()}).`);
  } else if (!(await ensureFerretDb(log))) {
    log('Database: FerretDB could not be built; mongodb-memory-server will be tried at start-up.');
  }
} else {
  console.error(`Unknown command "${command}". Use: ensure`);
  process.exitCode = 2;
}
