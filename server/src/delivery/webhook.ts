import { createHmac } from 'node:crypto';
import type { ResultPackageDoc } from '../db/collections.ts';
import { canonicalJson } from './package.ts';
import type { AttachmentFile } from './delivery-service.ts';

export const SIGNATURE_HEADER = 'X-ECabinet-Signature';
export const TIMESTAMP_HEADER = 'X-ECabinet-Timestamp';

/** `sha256=<hex HMAC-SHA256(secret, body)>`, over the exact bytes sent. */
export function signBody(secret: string, body: Buffer): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/**
 * The webhook request of a package: `{ idempotencyKey, package, attachments }` as canonical JSON,
 * so every attempt sends the same bytes. The signature covers the body only; the timestamp
 * header says when this attempt was made and is informational.
 */
export function webhookRequest(doc: ResultPackageDoc, files: AttachmentFile[], secret: string, attempt: number, now = new Date()) {
  const body = Buffer.from(
    canonicalJson({
      idempotencyKey: doc.idempotencyKey,
      package: doc.package,
      attachments: files.map(({ ref, bytes }) => ({ filename: ref.filename, contentType: ref.contentType, sha256: ref.sha256, dataBase64: bytes.toString('base64') })),
    }),
    'utf8',
  );
  const headers: Record<string, string> = {
    'content-type': 'application/json; charset=utf-8',
    'user-agent': 'E-Cabinet',
    'idempotency-key': doc.idempotencyKey,
    [SIGNATURE_HEADER.toLowerCase()]: signBody(secret, body),
    [TIMESTAMP_HEADER.toLowerCase()]: now.toISOString(),
    'x-ecabinet-attempt': String(attempt),
  };
  return { body, headers };
}
