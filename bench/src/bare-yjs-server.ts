/**
 * The baseline the annotation case compares against: @y/websocket-server's own connection
 * handler on a plain HTTP server, as its README sets it up. No auth, no persistence (YPERSISTENCE
 * is unset, so it keeps docs in memory only), no limits. Run by `bare-yjs.ts` in its own process;
 * prints "ready <port>" once listening, and exits when its stdin closes (the bench has gone).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { setupWSConnection } from '@y/websocket-server/utils';

const server = http.createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'text/plain' });
  res.end('okay');
});
// As the package's own server.js: ws servers do not compress unless asked, like the app's.
const wss = new WebSocketServer({ noServer: true });
wss.on('connection', (ws, req) => setupWSConnection(ws, req));
server.on('upgrade', (req, socket, head) => {
  wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
});
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  process.stdout.write(`ready ${port}\n`);
});

process.stdin.resume();
process.stdin.on('close', () => process.exit(0));
process.on('SIGTERM', () => process.exit(0));
