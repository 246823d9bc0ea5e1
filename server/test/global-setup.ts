import type { TestProject } from 'vitest/node';
import { REPO_ROOT } from '../src/config.ts';
import { startLocalDb } from '../src/db/local-db.ts';
import path from 'node:path';

declare module 'vitest' {
  export interface ProvidedContext {
    mongoUri: string;
    mongoKind: string;
  }
}

/** One real database server for the whole run; each test file uses its own database in it. */
export default async function setup(project: TestProject) {
  const db = await startLocalDb({
    uri: process.env.MONGODB_URI,
    dataDir: path.join(REPO_ROOT, '.data'),
    name: 'test',
    fresh: true,
    log: (line) => console.log(`[test db] ${line}`),
  });
  project.provide('mongoUri', db.uri);
  project.provide('mongoKind', db.kind);
  return async () => {
    await db.stop();
  };
}
