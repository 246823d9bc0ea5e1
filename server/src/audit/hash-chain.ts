import { createHash } from 'node:crypto';

/** The hash every chain starts from. */
export const GENESIS_HASH = '0'.repeat(64);

/** JSON with keys sorted at every level, so the same entry always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export interface ChainedFields {
  seq: number;
  at: Date;
  actorId: string | null;
  action: string;
  target: string | null;
  data: Record<string, unknown>;
}

/** hash = SHA-256(prevHash ‖ canonical entry). Changing any field or any earlier entry breaks it. */
export function entryHash(prevHash: string, entry: ChainedFields): string {
  const body = canonicalJson({ seq: entry.seq, at: entry.at.toISOString(), actorId: entry.actorId, action: entry.action, target: entry.target, data: entry.data });
  return createHash('sha256').update(prevHash).update('\n').update(body).digest('hex');
}
