/** Seeded by SEED_DEMO=true (server/src/seed/demo-data.ts). */
export const ADMIN = { username: 'admin', password: 'Admin@2026' } as const;
/** Demo accounts that share the password DaiBieu@2026. */
export const MEMBERS = ['phochutich', 'taichinh', 'khdt', 'tuphap', 'yte', 'tanlap', 'anphu'].map((username) => ({ username, password: 'DaiBieu@2026' }));
export const SESSION_COOKIE = 'ecab_sid';

/**
 * Node's fetch (undici) keeps connections alive and pools them per origin without a limit, so
 * c concurrent workers end up on c reused TCP connections.
 */
async function call(url: string, init: RequestInit, what: string): Promise<Response> {
  const res = await fetch(url, { ...init, signal: AbortSignal.timeout(30_000) });
  // Read the whole body: it is part of the latency, and it frees the connection for reuse.
  const body = await res.text();
  if (!res.ok) throw new Error(`${what}: HTTP ${res.status} ${body.slice(0, 300)}`);
  return res;
}

/** Signs in and returns the `ecab_sid=…` pair to send back as the Cookie header. */
export async function signIn(baseUrl: string, account: { username: string; password: string } = ADMIN): Promise<string> {
  const res = await call(
    `${baseUrl}/api/auth/login`,
    { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(account) },
    `sign in as ${account.username}`,
  );
  const pair = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!.trim())
    .find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  if (!pair) throw new Error(`sign in as ${account.username}: no ${SESSION_COOKIE} cookie in the answer`);
  return pair;
}

/** GET that must answer 2xx. */
export async function getOk(baseUrl: string, path: string, cookie: string): Promise<void> {
  await call(`${baseUrl}${path}`, { headers: { cookie } }, `GET ${path}`);
}

/** A JSON request with a session cookie that must answer 2xx; resolves with the parsed body. */
export async function api<T = Record<string, unknown>>(baseUrl: string, cookie: string, method: string, url: string, body?: unknown): Promise<T> {
  const res = await fetch(`${baseUrl}${url}`, {
    method,
    headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(60_000),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${url}: HTTP ${res.status} ${text.slice(0, 300)}`);
  return (text ? JSON.parse(text) : null) as T;
}
