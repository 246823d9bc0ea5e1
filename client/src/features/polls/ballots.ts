import type { AttendanceEntry, BallotAck, MyBallot, Poll } from '@e-cabinet/protocol';

/**
 * Ballots on this device. One ballot per (poll, principal): the caller's own vote, and one per
 * proxy held. Each gets a random key once; the key and the choice are kept in sessionStorage
 * before sending, so a retry after a lost ack (or a reload) sends the same key and the server
 * answers the ballot it already stored instead of counting a second one.
 */

/** The part of `Storage` used here (sessionStorage in the app, a Map in tests). */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** What this device knows about one ballot. */
export interface LocalBallot {
  key: string;
  /** The choice sent (pending) or stored (accepted: the server's canonical choice). */
  choice: string[];
  state: 'pending' | 'accepted';
  /** Secret polls: the code to look for in the bulletin. */
  receipt: string | null;
}

const STORAGE_PREFIX = 'ecab.ballot.';
export const storageKey = (pollId: string, principalId: string) => `${STORAGE_PREFIX}${pollId}:${principalId}`;

/** 128 random bits as base64url without padding (22 characters), as `BallotKeySchema` asks. */
export function newBallotKey(random: (bytes: Uint8Array) => Uint8Array = (b) => crypto.getRandomValues(b)): string {
  const bytes = random(new Uint8Array(16));
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function isLocalBallot(value: unknown): value is LocalBallot {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.key === 'string' &&
    /^[A-Za-z0-9_-]{22,64}$/.test(v.key) &&
    Array.isArray(v.choice) &&
    v.choice.every((c) => typeof c === 'string') &&
    (v.state === 'pending' || v.state === 'accepted') &&
    (v.receipt === null || typeof v.receipt === 'string')
  );
}

export function readBallot(store: KeyValueStore, pollId: string, principalId: string): LocalBallot | null {
  try {
    const raw = store.getItem(storageKey(pollId, principalId));
    if (!raw) return null;
    const parsed: unknown = JSON.parse(raw);
    return isLocalBallot(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

export function writeBallot(store: KeyValueStore, pollId: string, principalId: string, ballot: LocalBallot): void {
  try {
    store.setItem(storageKey(pollId, principalId), JSON.stringify(ballot));
  } catch {
    // Storage full or disabled: the ballot still goes out; only a retry after a reload loses its key.
  }
}

export function forgetBallot(store: KeyValueStore, pollId: string, principalId: string): void {
  try {
    store.removeItem(storageKey(pollId, principalId));
  } catch {
    // Nothing to do: see writeBallot.
  }
}

/**
 * The ballot to send for a choice: the stored key when one exists (a retry, or a new choice
 * after a refusal — nothing was stored then, so the key is still unused), else a new one.
 */
export function prepareBallot(existing: LocalBallot | null, choice: readonly string[], makeKey: () => string = newBallotKey): LocalBallot {
  if (existing?.state === 'accepted') return existing;
  return { key: existing?.key ?? makeKey(), choice: [...choice], state: 'pending', receipt: null };
}

/** What an answer to `poll:vote` means for the local ballot and the screen. */
export type VoteOutcome =
  | { kind: 'accepted'; ballot: LocalBallot }
  /** Recorded before (another device, or a key that was lost): the true choice when the poll is named. */
  | { kind: 'alreadyVoted'; choice: string[] | null; message: string }
  /** The poll is no longer open, or the caller may not vote: nothing will change that. */
  | { kind: 'final'; message: string }
  /** A refusal the voter can fix (an invalid choice): choose again with the same key. */
  | { kind: 'rejected'; message: string }
  /** No answer (offline, timeout) or a server error: keep the ballot pending and send it again. */
  | { kind: 'retry'; message: string };

const FINAL_CODES = new Set(['POLL_CLOSED', 'POLL_NOT_OPEN', 'NOT_ELIGIBLE', 'MEETING_NOT_LIVE', 'NOT_FOUND', 'FORBIDDEN']);

export function voteOutcome(sent: LocalBallot, ack: BallotAck | { ok: false; code: string; message: string; unanswered: true }): VoteOutcome {
  if (ack.ok) return { kind: 'accepted', ballot: { key: sent.key, choice: ack.choice, state: 'accepted', receipt: ack.receipt } };
  if ('unanswered' in ack) return { kind: 'retry', message: ack.message };
  if (ack.code === 'ALREADY_VOTED') return { kind: 'alreadyVoted', choice: 'ballot' in ack && ack.ballot ? ack.ballot.choice : null, message: ack.message };
  if (ack.code === 'BALLOT_INVALID' || ack.code === 'VALIDATION') return { kind: 'rejected', message: ack.message };
  if (FINAL_CODES.has(ack.code)) return { kind: 'final', message: ack.message };
  return { kind: 'retry', message: ack.message };
}

/** One vote the caller may cast: their own, or for the absent member whose proxy they hold. */
export interface BallotRight {
  principalId: string;
  principalName: string;
  viaProxy: boolean;
  /** The server says this vote is recorded. */
  voted: boolean;
  /** The server's record of the choice (named polls only). */
  choice: string[] | null;
}

/**
 * The votes the caller may cast now, as the server decides them (`LiveService.ballotRights`):
 * their own while a voting member in the room, and a held proxy's while its principal is away.
 * Votes the server already recorded (`myBallots`, say after leaving the room) are kept too.
 */
export function ballotRights(attendance: readonly AttendanceEntry[], meId: string, myBallots: readonly MyBallot[] = []): BallotRight[] {
  const me = attendance.find((e) => e.userId === meId);
  const rights: BallotRight[] = [];
  const inRoom = (e: AttendanceEntry | undefined) => e?.status === 'present' && e.leftAt === null;
  if (me && me.votes && inRoom(me)) rights.push({ principalId: me.userId, principalName: me.name, viaProxy: false, voted: false, choice: null });
  if (me && me.votes && inRoom(me) && me.proxyFrom) {
    const principal = attendance.find((e) => e.userId === me.proxyFrom?.userId);
    if (principal?.votes && !inRoom(principal)) rights.push({ principalId: principal.userId, principalName: principal.name, viaProxy: true, voted: false, choice: null });
  }
  for (const b of myBallots) {
    const known = rights.find((r) => r.principalId === b.principalId);
    if (known) Object.assign(known, { voted: b.voted, choice: b.choice });
    else if (b.voted) rights.push({ principalId: b.principalId, principalName: b.principalName, viaProxy: b.viaProxy, voted: true, choice: b.choice });
  }
  return rights;
}

/** Adds or removes an option for a ballot of this poll's kind (a single choice replaces; a multiple one stops at the maximum). */
export function toggleChoice(poll: Pick<Poll, 'maxChoices' | 'definition'>, selected: readonly string[], optionId: string): string[] {
  if (poll.definition.kind !== 'multiple') return selected.includes(optionId) && selected.length === 1 ? [] : [optionId];
  if (selected.includes(optionId)) return selected.filter((id) => id !== optionId);
  if (selected.length >= poll.maxChoices) return [...selected];
  return [...selected, optionId];
}

/** Every ballot still waiting to be sent (for the retry after a reconnect). */
export function pendingBallots(store: KeyValueStore & { readonly length: number; key(index: number): string | null }): { pollId: string; principalId: string; ballot: LocalBallot }[] {
  const out: { pollId: string; principalId: string; ballot: LocalBallot }[] = [];
  for (let i = 0; i < store.length; i++) {
    const name = store.key(i);
    if (!name?.startsWith(STORAGE_PREFIX)) continue;
    const [pollId, principalId] = name.slice(STORAGE_PREFIX.length).split(':');
    if (!pollId || !principalId) continue;
    const ballot = readBallot(store, pollId, principalId);
    if (ballot?.state === 'pending') out.push({ pollId, principalId, ballot });
  }
  return out;
}

/** This tab's receipts for a poll (one per ballot it cast), to highlight in the bulletin. */
export function receiptsFor(store: KeyValueStore & { readonly length: number; key(index: number): string | null }, pollId: string): string[] {
  const out: string[] = [];
  const prefix = `${STORAGE_PREFIX}${pollId}:`;
  for (let i = 0; i < store.length; i++) {
    const name = store.key(i);
    if (!name?.startsWith(prefix)) continue;
    const ballot = readBallot(store, pollId, name.slice(prefix.length));
    if (ballot?.receipt) out.push(ballot.receipt);
  }
  return out;
}
