/**
 * The vote case's baseline: a plain `ws` server that does nothing but fan one message out. The
 * coordinator connects to /trigger and sends the payload (the real `poll:result` payload, as
 * JSON), then "go" for each broadcast; every other connection receives the payload as one text
 * frame. Like Socket.io's broadcast, the frame is encoded once and the same buffer goes to every
 * client. Run by `clients.ts` in its own process; prints "ready <port>" once listening and exits
 * when its stdin closes (the bench has gone).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

const server = http.createServer((_req, res) => {
  res.writeHead(404);
  res.end();
});
// No compression, as the app's Socket.io server (perMessageDeflate: false).
const wss = new WebSocketServer({ server, perMessageDeflate: false });
const listeners = new Set<WebSocket>();
let payload: Buffer | null = null;

wss.on('connection', (ws, req) => {
  if (req.url !== '/trigger') {
    listeners.add(ws);
    ws.on('close', () => listeners.delete(ws));
    return;
  }
  ws.on('message', (data, isBinary) => {
    const text = (data as Buffer).toString();
    if (isBinary) return;
    if (text !== 'go') {
      payload = Buffer.from(text);
      return;
    }
    if (!payload) return process.stderr.write('"go" before any payload\n');
    for (const client of listeners) client.send(payload, { binary: false });
  });
});
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  process.stdout.write(`ready ${port}\n`);
});

process.stdin.resume();
process.stdin.on('close', () => process.exit(0));
process.on('SIGTERM', () => process.exit(0));
