import { createHash } from 'node:crypto';
import path from 'node:path';
import { build, defineConfig, type Plugin, type ProxyOptions } from 'vite';
import react from '@vitejs/plugin-react';

// The Fastify server (HTTP API, Socket.io, y-websocket) that the dev server forwards to.
const server = process.env.ECAB_SERVER_URL ?? 'http://127.0.0.1:3000';
const http: ProxyOptions = { target: server };
const ws: ProxyOptions = { target: server, ws: true };

const proxy: Record<string, ProxyOptions> = {
  '/api': http,
  '/socket.io': ws,
  '/collab': ws,
  '/docs': http,
  '/healthz': http,
};

/**
 * Builds the service worker (src/sw/sw.ts) into dist/sw.js once the app is built, with the
 * app's file list to precache and a build id (so every deployment installs a new worker and
 * drops the previous shell). A separate classic-script bundle: a service worker cannot share
 * the app's module chunks. Source maps are not precached.
 */
function serviceWorker(): Plugin {
  let files: string[] = [];
  let buildId = '';
  let outDir = '';
  return {
    name: 'ecab-service-worker',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    generateBundle(_options, bundle) {
      const hash = createHash('sha256');
      files = Object.keys(bundle)
        .filter((name) => !name.endsWith('.map') && name !== 'index.html')
        .sort()
        .map((name) => `/${name}`);
      for (const name of Object.keys(bundle).sort()) {
        const item = bundle[name]!;
        hash.update(name).update(item.type === 'chunk' ? item.code : item.source);
      }
      buildId = hash.digest('hex').slice(0, 16);
    },
    async closeBundle() {
      await build({
        configFile: false,
        root: import.meta.dirname,
        logLevel: 'warn',
        publicDir: false,
        define: { __ECAB_PRECACHE__: JSON.stringify(files), __ECAB_BUILD_ID__: JSON.stringify(buildId) },
        build: {
          outDir,
          emptyOutDir: false,
          copyPublicDir: false,
          sourcemap: true,
          rolldownOptions: {
            input: path.join(import.meta.dirname, 'src/sw/sw.ts'),
            output: { format: 'iife', entryFileNames: 'sw.js' },
          },
        },
      });
    },
  };
}

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react(), serviceWorker()],
  server: { host: '127.0.0.1', port: 5173, strictPort: true, proxy },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true, proxy },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    rolldownOptions: {
      // The client uses only constants from @e-cabinet/protocol (codes, roles, versions). Its
      // module-level TypeBox schema builders are side-effect free, so let unused ones (and
      // TypeBox with them, ~100 KB) be dropped.
      treeshake: {
        manualPureFunctions: ['Type', 'NonBlank', 'Compile'],
        moduleSideEffects: (id: string) => !/[\\/](typebox|protocol)[\\/]/.test(id),
      },
    },
  },
});
