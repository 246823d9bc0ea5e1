import { defineConfig, type ProxyOptions } from 'vite';
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

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
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
