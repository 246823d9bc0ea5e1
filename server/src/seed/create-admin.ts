/**
 * Creates an administrator on a database without one, for a fresh production install
 * (SEED_DEMO=false):
 *   ECAB_ADMIN_PASSWORD='…' pnpm --filter @e-cabinet/server create-admin <username> "<Full name>"
 */
import Fastify from 'fastify';
import { loadConfig } from '../config.ts';
import { app, serverOptions } from '../app.ts';
import { startLocalDb } from '../db/local-db.ts';

const [username, fullName = 'Quản trị hệ thống'] = process.argv.slice(2);
const password = process.env.ECAB_ADMIN_PASSWORD ?? '';
if (!username || !password) {
  console.error('Usage: ECAB_ADMIN_PASSWORD=<password> pnpm --filter @e-cabinet/server create-admin <username> ["Full name"]');
  process.exit(2);
}
const config = { ...loadConfig(), logLevel: 'warn' as const, serveClient: false, seedDemo: false };
const db = await startLocalDb({ uri: config.mongodbUri, dataDir: config.dataDir, name: 'app', log: (l) => console.log(l) });
const server = Fastify(serverOptions(config));
await server.register(app, { config, mongoUri: db.uri });
await server.ready();
try {
  const user = await server.users.create({ username, fullName, role: 'admin', password });
  await server.audit.append({ actorId: null, action: 'user.created', target: user._id.toHexString(), data: { username, role: 'admin', via: 'create-admin' } });
  console.log(`Administrator "${user.username}" created.`);
} catch (err) {
  console.error(`Could not create the administrator: ${(err as Error).message}`);
  process.exitCode = 1;
} finally {
  await server.close();
  await db.stop();
}
