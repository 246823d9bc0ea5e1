import closeWithGrace from 'close-with-grace';
import Fastify from 'fastify';
import { ConfigError, loadConfig } from './config.ts';
import { app, serverOptions } from './app.ts';
import { startLocalDb } from './db/local-db.ts';
import { seedDemo } from './seed/demo.ts';

/** Boots the app and shuts it down gracefully. Everything else lives in app.ts. */
async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
  const db = await startLocalDb({ uri: config.mongodbUri, dataDir: config.dataDir, name: 'app', log: (line) => console.log(line) });
  const server = Fastify(serverOptions(config));
  server.log.info(`database: ${db.description}`);
  server.addHook('onClose', async () => db.stop());
  try {
    await server.register(app, { config, mongoUri: db.uri });
    await server.ready();
  } catch (err) {
    // Do not leave the database server we started running behind a failed start.
    await server.close().catch(() => db.stop());
    throw err;
  }

  closeWithGrace({ delay: 10_000 }, async ({ signal, err }) => {
    if (err) server.log.error({ err }, 'shutting down after an error');
    else server.log.info(`${signal} received, shutting down`);
    await server.close();
  });

  try {
    if (config.seedDemo) {
      const seeded = await seedDemo(server);
      if (seeded) printDemoAccounts(seeded);
    }
    await server.listen({ port: config.port, host: config.host });
  } catch (err) {
    await server.close();
    throw err;
  }
}

function printDemoAccounts(accounts: { username: string; password: string; role: string; fullName: string }[]) {
  console.log('\nDemo data created. Tài khoản dùng thử / demo accounts:');
  for (const a of accounts) console.log(`  ${a.username.padEnd(12)} ${a.password.padEnd(14)} ${a.role.padEnd(10)} ${a.fullName}`);
  console.log('');
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
