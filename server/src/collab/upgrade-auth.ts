import type { IncomingMessage } from 'node:http';
import type { FastifyInstance } from 'fastify';
import { COLLAB_PATH, COLLAB_VERSION_PARAM, CloseCode, PROTOCOL_VERSION, parseDocName } from '@e-cabinet/protocol';
import { SESSION_COOKIE } from '../auth/session-store.ts';
import { authorizeDoc } from './doc-policy.ts';
import type { PeerIdentity } from './collab-peer.ts';

export type UpgradeVerdict = { ok: true; docName: string; identity: PeerIdentity } | { ok: false; code: CloseCode; reason: string };

/** True for requests this endpoint owns: `/collab/<docName>`. */
export function isCollabPath(url: string | undefined): boolean {
  return !!url && url.startsWith(`${COLLAB_PATH}/`);
}

/**
 * A browser sends Origin on every websocket; a page on another site must not ride the user's
 * cookie into a collab doc (SameSite covers modern browsers; this covers the rest). Clients that
 * are not browsers send no Origin and are judged by their cookie alone.
 */
function originAllowed(app: FastifyInstance, req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (!origin) return true;
  if (app.config.corsOrigins.includes(origin)) return true;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return false;
  }
  const forwarded = app.config.trustProxy ? req.headers['x-forwarded-host'] : undefined;
  return [req.headers.host, ...(typeof forwarded === 'string' ? forwarded.split(',') : [])].some((h) => h?.trim() === host);
}

/**
 * Decides an upgrade to `/collab/<docName>?v=<PROTOCOL_VERSION>`, cheapest checks first:
 * the name (BAD_DOC_NAME), the protocol version (PROTOCOL_MISMATCH), the origin (FORBIDDEN),
 * the session cookie and the user's account (UNAUTHENTICATED), then the doc policy.
 */
export async function authorizeUpgrade(app: FastifyInstance, req: IncomingMessage): Promise<UpgradeVerdict> {
  const url = new URL(req.url ?? '/', 'http://collab.invalid');
  let raw: string;
  try {
    raw = decodeURIComponent(url.pathname.slice(COLLAB_PATH.length + 1));
  } catch {
    return { ok: false, code: CloseCode.BAD_DOC_NAME, reason: 'bad doc name' };
  }
  const name = parseDocName(raw);
  if (!name) return { ok: false, code: CloseCode.BAD_DOC_NAME, reason: 'bad doc name' };
  if (url.searchParams.get(COLLAB_VERSION_PARAM) !== String(PROTOCOL_VERSION)) return { ok: false, code: CloseCode.PROTOCOL_MISMATCH, reason: 'protocol mismatch' };
  if (!originAllowed(app, req)) return { ok: false, code: CloseCode.FORBIDDEN, reason: 'origin' };

  const session = await app.sessions.resolve(req.headers.cookie ? app.parseCookie(req.headers.cookie)[SESSION_COOKIE] : undefined);
  const user = session ? await app.users.byId(session.userId) : null;
  if (!session || !user?.active) return { ok: false, code: CloseCode.UNAUTHENTICATED, reason: 'unauthenticated' };

  const grant = await authorizeDoc(app, name, user);
  if (!grant.ok) return grant;
  return { ok: true, docName: raw, identity: { userId: user._id.toHexString(), sessionId: session._id, writable: grant.writable } };
}
