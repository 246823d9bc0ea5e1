import fs from 'node:fs';
import path from 'node:path';
import fp from 'fastify-plugin';
import fastifyStatic from '@fastify/static';

const API_PREFIXES = ['/api/', '/socket.io/', '/collab/', '/docs', '/healthz', '/readyz'];

/**
 * Serves the built React app and falls back to index.html for client-side routes. API paths keep
 * their JSON 404s. Skipped when the client has not been built (tests, `pnpm dev`).
 */
export default fp<{ root: string }>(
  async (app, { root }) => {
    const index = path.join(root, 'index.html');
    if (!fs.existsSync(index)) {
      app.log.info(`client not built (${root}); serving the API only`);
      return;
    }
    const serviceWorker = path.join(root, 'sw.js');
    await app.register(fastifyStatic, {
      root,
      wildcard: false,
      index: false,
      maxAge: '1h',
      immutable: false,
      // The service worker must be re-checked on every load, or a deployment would reach
      // browsers only after the cache expired. At the root it controls the whole origin.
      setHeaders: (reply, filePath) => {
        if (filePath === serviceWorker) void reply.header('cache-control', 'no-cache').header('service-worker-allowed', '/');
      },
    });
    const html = fs.readFileSync(index);
    app.spaFallback = (request, reply) => {
      const url = request.url.split('?')[0] ?? '/';
      if (request.method !== 'GET' || API_PREFIXES.some((p) => url.startsWith(p)) || path.extname(url)) return false;
      void reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(html);
      return true;
    };
  },
  { name: 'client-static', dependencies: ['errors'] },
);
