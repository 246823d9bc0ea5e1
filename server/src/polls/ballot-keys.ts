import { createHash, randomBytes } from 'node:crypto';

/*
 * A ballot key is the client's random idempotency key for one ballot (one poll, one principal).
 * The server never stores or logs it; it stores only values derived from it with different
 * prefixes, which cannot be linked to each other without the key:
 * - the commitment "m|key" on the voter's record, to recognise a retry of the same ballot;
 * - the receipt "r|key" on a secret ballot, which the voter looks for in the bulletin.
 */

const sha256 = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

/** Recognises a retry: hex SHA-256 of "m|" + key. */
export function commitmentOf(ballotKey: string): string {
  return sha256(`m|${ballotKey}`).toString('hex');
}

// Crockford's base32: no I, L, O or U, so a code read aloud or copied by hand stays unambiguous.
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const RECEIPT_LENGTH = 10;

/**
 * The voter's receipt: the first 50 bits of SHA-256("r|" + key), as 10 Crockford base32
 * characters. Clients can compute it themselves with WebCrypto to check what the server says.
 */
export function receiptOf(ballotKey: string): string {
  const bytes = sha256(`r|${ballotKey}`);
  let bits = 0n;
  for (let i = 0; i < 7; i++) bits = (bits << 8n) | BigInt(bytes[i]!);
  bits >>= 6n; // 56 bits read, 50 kept
  let out = '';
  for (let i = RECEIPT_LENGTH - 1; i >= 0; i--) out += CROCKFORD[Number((bits >> BigInt(i * 5)) & 31n)];
  return out;
}

/** An id with no order and no time in it, for secret ballot slots. */
export function randomSlotId(): string {
  return randomBytes(12).toString('base64url');
}

/** A fresh ballot key, as a client makes one (used by tests and tools). */
export function newBallotKey(): string {
  return randomBytes(16).toString('base64url');
}
