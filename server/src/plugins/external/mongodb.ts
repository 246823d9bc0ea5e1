import fp from 'fastify-plugin';
import { MongoClient, type Db } from 'mongodb';
import { ensureIndexes } from '../../db/indexes.ts';

declare module 'fastify' {
  interface FastifyInstance {
    mongo: MongoClient;
    db: Db;
  }
}

export interface MongoPluginOptions {
  uri: string;
  dbName: string;
}

/** Connects once, creates every index the code relies on, and closes with the app. */
export default fp<MongoPluginOptions>(
  async (app, opts) => {
    const client = new MongoClient(opts.uri, { serverSelectionTimeoutMS: 5000, appName: 'e-cabinet' });
    await client.connect();
    const db = client.db(opts.dbName);
    await ensureIndexes(db);
    app.decorate('mongo', client);
    app.decorate('db', db);
    app.addHook('onClose', async () => {
      await client.close();
    });
  },
  { name: 'mongodb' },
);
