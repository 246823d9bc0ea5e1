import { describe, expect, it } from 'vitest';
import { BallotKeySchema, compileValidator, type AttendanceEntry, type Poll } from '@e-cabinet/protocol';
import {
  ballotRights,
  forgetBallot,
  newBallotKey,
  pendingBallots,
  prepareBallot,
  readBallot,
  storageKey,
  toggleChoice,
  voteOutcome,
  writeBallot,
  type LocalBallot,
} from './ballots';

/** A Storage-like map, as sessionStorage behaves. */
class MemoryStore {
  private readonly map = new Map<string, string>();
  get length() {
    return this.map.size;
  }
  key(i: number) {
    return [...this.map.keys()][i] ?? null;
  }
  getItem(k: string) {
    return this.map.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.map.set(k, v);
  }
  removeItem(k: string) {
    this.map.delete(k);
  }
}

const entry = (userId: string, over: Partial<AttendanceEntry> = {}): AttendanceEntry => ({
  userId,
  name: `ĐB ${userId}`,
  role: 'member',
  votes: true,
  status: 'present',
  checkedInAt: '2026-01-01T00:00:00.000Z',
  leftAt: null,
  late: false,
  note: '',
  proxyTo: null,
  proxyFrom: null,
  ...over,
});

const KEY = 'AAAAAAAAAAAAAAAAAAAAAA';

describe('ballot keys', () => {
  it('are 22 base64url characters that the protocol accepts', () => {
    const key = newBallotKey();
    expect(key).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(compileValidator(BallotKeySchema)(key).ok).toBe(true);
  });

  it('encode the random bytes (no "+", "/" or padding)', () => {
    expect(newBallotKey((b) => b.fill(0xff))).toBe('_____________________w');
    expect(newBallotKey((b) => b.fill(0))).toBe(KEY);
  });

  it('differ each time', () => {
    expect(newBallotKey()).not.toBe(newBallotKey());
  });
});

describe('stored ballots', () => {
  it('round-trip and can be forgotten', () => {
    const store = new MemoryStore();
    const ballot: LocalBallot = { key: KEY, choice: ['yes'], state: 'pending', receipt: null };
    writeBallot(store, 'p1', 'u1', ballot);
    expect(readBallot(store, 'p1', 'u1')).toEqual(ballot);
    expect(readBallot(store, 'p1', 'u2')).toBeNull();
    forgetBallot(store, 'p1', 'u1');
    expect(readBallot(store, 'p1', 'u1')).toBeNull();
  });

  it('ignore garbage', () => {
    const store = new MemoryStore();
    store.setItem(storageKey('p1', 'u1'), '{not json');
    store.setItem(storageKey('p1', 'u2'), JSON.stringify({ key: 'short', choice: [], state: 'pending', receipt: null }));
    expect(readBallot(store, 'p1', 'u1')).toBeNull();
    expect(readBallot(store, 'p1', 'u2')).toBeNull();
  });

  it('lists the pending ones for a retry', () => {
    const store = new MemoryStore();
    writeBallot(store, 'p1', 'u1', { key: KEY, choice: ['yes'], state: 'pending', receipt: null });
    writeBallot(store, 'p1', 'u2', { key: KEY, choice: ['no'], state: 'accepted', receipt: null });
    store.setItem('other', 'x');
    expect(pendingBallots(store).map((p) => `${p.pollId}/${p.principalId}`)).toEqual(['p1/u1']);
  });
});

describe('prepareBallot', () => {
  it('makes a key once and reuses it for every retry of the same ballot', () => {
    let made = 0;
    const make = () => `${String(++made).padStart(22, 'k')}`;
    const first = prepareBallot(null, ['yes'], make);
    const retry = prepareBallot(first, ['yes'], make);
    expect(retry.key).toBe(first.key);
    expect(made).toBe(1);
  });

  it('keeps the key for a new choice after a refusal, and never replaces an accepted ballot', () => {
    const pending = prepareBallot(null, ['o1', 'o2', 'o3'], () => KEY);
    expect(prepareBallot(pending, ['o1'], () => 'x'.repeat(22))).toEqual({ key: KEY, choice: ['o1'], state: 'pending', receipt: null });
    const accepted: LocalBallot = { key: KEY, choice: ['yes'], state: 'accepted', receipt: 'ABCDEFGHJK' };
    expect(prepareBallot(accepted, ['no'])).toBe(accepted);
  });
});

describe('voteOutcome', () => {
  const sent: LocalBallot = { key: KEY, choice: ['no', 'yes'], state: 'pending', receipt: null };

  it('keeps the server’s canonical choice and the receipt', () => {
    const out = voteOutcome(sent, { ok: true, pollId: 'p', principalId: 'u', choice: ['yes'], receipt: 'ABCDEFGHJK', retry: true });
    expect(out).toEqual({ kind: 'accepted', ballot: { key: KEY, choice: ['yes'], state: 'accepted', receipt: 'ABCDEFGHJK' } });
  });

  it('retries when there was no answer or the server failed', () => {
    expect(voteOutcome(sent, { ok: false, code: 'UNAVAILABLE', message: 'x', unanswered: true }).kind).toBe('retry');
    expect(voteOutcome(sent, { ok: false, code: 'INTERNAL', message: 'x' }).kind).toBe('retry');
  });

  it('shows the true state when the vote was recorded before', () => {
    expect(voteOutcome(sent, { ok: false, code: 'ALREADY_VOTED', message: 'm', ballot: { principalId: 'u', choice: ['no'] } })).toEqual({ kind: 'alreadyVoted', choice: ['no'], message: 'm' });
    expect(voteOutcome(sent, { ok: false, code: 'ALREADY_VOTED', message: 'm', ballot: { principalId: 'u', choice: null } })).toMatchObject({ choice: null });
  });

  it('stops for closed polls and lets the voter fix an invalid choice', () => {
    expect(voteOutcome(sent, { ok: false, code: 'POLL_CLOSED', message: 'm' }).kind).toBe('final');
    expect(voteOutcome(sent, { ok: false, code: 'NOT_ELIGIBLE', message: 'm' }).kind).toBe('final');
    expect(voteOutcome(sent, { ok: false, code: 'BALLOT_INVALID', message: 'm', reason: 'TOO_MANY' }).kind).toBe('rejected');
  });
});

describe('ballotRights', () => {
  it('gives a voting member in the room their own vote', () => {
    expect(ballotRights([entry('me')], 'me')).toEqual([{ principalId: 'me', principalName: 'ĐB me', viaProxy: false, voted: false, choice: null }]);
  });

  it('adds the vote of an absent principal whose proxy is held', () => {
    const roll = [entry('me', { proxyFrom: { userId: 'p', name: 'ĐB p' } }), entry('p', { status: 'absent', checkedInAt: null, proxyTo: { userId: 'me', name: 'ĐB me' } })];
    expect(ballotRights(roll, 'me').map((r) => [r.principalId, r.viaProxy])).toEqual([
      ['me', false],
      ['p', true],
    ]);
  });

  it('gives nothing to the absent, to those who left, or to non-voting delegates', () => {
    expect(ballotRights([entry('me', { status: 'unknown' })], 'me')).toEqual([]);
    expect(ballotRights([entry('me', { leftAt: '2026-01-01T01:00:00.000Z' })], 'me')).toEqual([]);
    expect(ballotRights([entry('me', { role: 'invitee', votes: false })], 'me')).toEqual([]);
    expect(ballotRights([], 'me')).toEqual([]);
  });

  it('merges what the server recorded, keeping votes cast before leaving', () => {
    const rights = ballotRights([entry('me', { leftAt: 'x' })], 'me', [{ principalId: 'me', principalName: 'ĐB me', viaProxy: false, voted: true, choice: ['yes'] }]);
    expect(rights).toEqual([{ principalId: 'me', principalName: 'ĐB me', viaProxy: false, voted: true, choice: ['yes'] }]);
    const present = ballotRights([entry('me')], 'me', [{ principalId: 'me', principalName: 'ĐB me', viaProxy: false, voted: true, choice: null }]);
    expect(present[0]).toMatchObject({ voted: true, choice: null });
  });
});

describe('toggleChoice', () => {
  const single = { maxChoices: 1, definition: { kind: 'single' } } as Pick<Poll, 'maxChoices' | 'definition'>;
  const multiple = { maxChoices: 2, definition: { kind: 'multiple' } } as Pick<Poll, 'maxChoices' | 'definition'>;

  it('replaces a single choice', () => {
    expect(toggleChoice(single, [], 'a')).toEqual(['a']);
    expect(toggleChoice(single, ['a'], 'b')).toEqual(['b']);
    expect(toggleChoice(single, ['a'], 'a')).toEqual([]);
  });

  it('adds and removes up to the maximum', () => {
    expect(toggleChoice(multiple, ['a'], 'b')).toEqual(['a', 'b']);
    expect(toggleChoice(multiple, ['a', 'b'], 'c')).toEqual(['a', 'b']);
    expect(toggleChoice(multiple, ['a', 'b'], 'a')).toEqual(['b']);
  });
});
