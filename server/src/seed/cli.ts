/** `pnpm --filter @e-cabinet/server seed`: seeds the demo data into the configured database. */
import Fastify from 'fastify';
import { loadConfig } from '../config.ts';
import { app, serverOptions } from '../app.ts';
import { startLocalDb } from '../db/local-db.ts';
import { seedDemo } from './demo.ts';

const config = { ...loadConfig(), logLevel: 'warn' as const, serveClient: false };
const db = await startLocalDb({ uri: config.mongodbUri, dataDir: config.dataDir, name: 'app', log: (l) => console.log(l) });
const server = Fastify(serverOptions(config));
await server.register(app, { config, mongoUri: db.uri });
await server.ready();
const created = await seedDemo(server);
console.log(created ? `Seeded ${created.length} demo users.` : 'The database already has users; nothing seeded.');
await server.close();
await db.stop();
