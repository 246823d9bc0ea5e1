import fp from 'fastify-plugin';
import { CollabServer, type CollabSettings } from './collab-server.ts';
import { isCollabPath } from './upgrade-auth.ts';

declare module 'fastify' {
  interface FastifyInstance {
    collab: CollabServer;
  }
}

/**
 * Mounts the collab endpoint on the app's HTTP server, beside Socket.io: upgrades to
 * `/collab/…` are ours; engine.io leaves them alone (`destroyUpgrade: false`) and takes its own.
 * Since neither destroys the rest any more, upgrades to any other path are answered 404 here.
 */
export default fp<Partial<CollabSettings>>(
  async (app, opts) => {
    const collab = new CollabServer(app, opts);
    app.decorate('collab', collab);
    const ioPath = `${app.io.path()}/`;

    app.server.on('upgrade', (req, socket, head: Buffer) => {
      if (isCollabPath(req.url)) {
        void collab.handleUpgrade(req, socket, head);
      } else if (!req.url?.startsWith(ioPath)) {
        socket.on('error', () => {});
        socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      }
    });

    app.addHook('onReady', async () => collab.start());
    // Before the database closes: every queued update must be stored first.
    app.addHook('preClose', async () => collab.shutdown());
  },
  { name: 'collab', dependencies: ['services', 'socket-server'] },
);
