import type { TestProject } from 'vitest/node';
import { REPO_ROOT } from '../src/config.ts';
import { startLocalDb } from '../src/db/local-db.ts';
import fs from 'node:fs';
import path from 'node:path';

declare module 'vitest' {
  export interface ProvidedContext {
    mongoUri: string;
    mongoKind: string;
  }
}

/** One real database server for the whole run; each test file uses its own database in it. */
export default async function setup(project: TestProject) {
  // A directory per run, so two runs at once (a developer and CI, say) never share files.
  const name = `test-${process.pid}`;
  const db = await startLocalDb({
    uri: process.env.MONGODB_URI,
    dataDir: path.join(REPO_ROOT, '.data'),
    name,
    fresh: true,
    log: (line) => console.log(`[test db] ${line}`),
  });
  project.provide('mongoUri', db.uri);
  project.provide('mongoKind', db.kind);
  return async () => {
    await db.stop();
    fs.rmSync(path.join(REPO_ROOT, '.data', name), { recursive: true, force: true });
  };
}
