import { createHash } from 'node:crypto';
import type { ResultPackage } from '@e-cabinet/protocol';

/** JSON with object keys sorted and `undefined` members left out: equal content, equal text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v)).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

function nfcDeep(value: unknown): unknown {
  if (typeof value === 'string') return value.normalize('NFC');
  if (Array.isArray(value)) return value.map(nfcDeep);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, nfcDeep(v)]));
  return value;
}

const iso = (s: string) => new Date(s).toISOString();

/**
 * The package as it is stored and sent: strings in NFC and instants in one ISO form, so the
 * same content written twice (e.g. "…T10:00Z" and "…T10:00:00.000Z") compares equal.
 */
export function normalisePackage(pkg: ResultPackage): ResultPackage {
  const p = nfcDeep(pkg) as ResultPackage;
  return {
    ...p,
    promulgationDate: iso(p.promulgationDate),
    startsAt: iso(p.startsAt),
    endsAt: iso(p.endsAt),
    tasks: p.tasks.map((t) => ({ ...t, deadline: iso(t.deadline) })),
  };
}

export function contentSha256(pkg: ResultPackage): string {
  return createHash('sha256').update(canonicalJson(pkg)).digest('hex');
}

/** Stable across retries, restarts and re-deliveries: it names the meeting version, not an attempt. */
export function idempotencyKey(meetingId: string, version: number): string {
  return `ecabinet-${meetingId}-v${version}`;
}

export function packageId(meetingId: string, version: number): string {
  return `${meetingId}:${version}`;
}
