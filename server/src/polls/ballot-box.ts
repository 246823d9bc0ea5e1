import { ObjectId } from 'mongodb';
import type { BulletinEntry, PollVoterChoice } from '@e-cabinet/protocol';
import type { BallotDoc, Collections, SecretUrnDoc, SecretVoterDoc } from '../db/collections.ts';
import { AppError } from '../http/app-error.ts';
import type { BallotRight } from '../live/live-service.ts';
import { commitmentOf, receiptOf } from './ballot-keys.ts';
import { InsertBatcher } from './insert-batcher.ts';
import type { Filled, NamedBallot, OpenPoll } from './open-poll.ts';
import { PollRefusal } from './poll-refusal.ts';
import { blankUrns, UrnWriter } from './secret-urns.ts';

/** Acknowledged means on disk: journaled, and on a majority where there is a replica set. */
export const DURABLE = { writeConcern: { w: 'majority', j: true } } as const;

/** A ballot as stored (or found stored, for a retry). */
export interface Cast {
  choice: string[];
  receipt: string | null;
  retry: boolean;
}

/** The ballots of a closed poll, as counted. */
export interface Counted {
  choices: string[][];
  /** Named polls: every ballot (ids only; names are read with the list of voters). */
  named: NamedBallot[] | null;
  /** Secret polls. */
  bulletin: BulletinEntry[] | null;
  /** Principals who voted (secret: voter records, which a crash can leave without a ballot). */
  turnout: number;
}

const byReceipt = (a: BulletinEntry, b: BulletinEntry) => (a.receipt < b.receipt ? -1 : a.receipt > b.receipt ? 1 : 0);

const claimId = (poll: OpenPoll, principalId: string) => `${poll.id}:${principalId}`;

/**
 * Where ballots are stored, and the only code that writes them.
 *
 * Named polls: one `ballots` document per (poll, principal) under that `_id`. The insert is the
 * claim (unique `_id` is exclusive on FerretDB too); a duplicate is either a retry of the same
 * ballot (same key commitment: answer it again) or another attempt (ALREADY_VOTED, with the
 * stored choice so the client shows the truth).
 *
 * Secret polls: a voter record (`secretVoters`, `_id` per principal, no choice) is the claim,
 * then one slot, pre-created blank at open in one of the poll's few urns (`secretUrns`), is
 * filled with the receipt and choice. Nothing links the two but the ballot key, which the server
 * never keeps. Fills are group-committed per poll by an `UrnWriter` (random urn, random blank
 * positions, one guarded update per batch; exclusive in this process only, so secret polls are
 * run by one process, like the outbox). A retry finds its slot by receipt before filling another.
 */
export class BallotBox {
  private readonly ballotClaims: InsertBatcher<BallotDoc>;
  private readonly voterClaims: InsertBatcher<SecretVoterDoc>;
  /** Secret polls' fill writers, by poll id: made at open or on first use, dropped at close. */
  private readonly writers = new Map<string, UrnWriter>();

  constructor(private readonly c: Collections) {
    this.ballotClaims = new InsertBatcher(c.ballots, DURABLE);
    this.voterClaims = new InsertBatcher(c.secretVoters, DURABLE);
  }

  async castNamed(poll: OpenPoll, right: BallotRight, choice: string[], ballotKey: string): Promise<Cast> {
    const keyHash = commitmentOf(ballotKey);
    const doc: BallotDoc = {
      _id: claimId(poll, right.principalId),
      pollId: poll.doc._id,
      principalId: new ObjectId(right.principalId),
      principalName: right.principalName,
      voterId: new ObjectId(right.voterId),
      voterName: right.voterName,
      viaProxy: right.viaProxy,
      choice,
      castAt: new Date(),
      keyHash,
    };
    if (await this.ballotClaims.insert(doc)) {
      poll.countNamed({ principalId: right.principalId, voterId: right.voterId, viaProxy: right.viaProxy, choice });
      return { choice, receipt: null, retry: false };
    }
    const stored = await this.c.ballots.findOne({ _id: doc._id });
    if (!stored) throw new AppError('CONFLICT');
    poll.countNamed(namedOf(stored));
    if (stored.keyHash !== keyHash) throw new PollRefusal('ALREADY_VOTED', { ballot: { principalId: right.principalId, choice: stored.choice } });
    return { choice: stored.choice, receipt: null, retry: true };
  }

  async castSecret(poll: OpenPoll, right: BallotRight, choice: string[], ballotKey: string): Promise<Cast> {
    const commit = commitmentOf(ballotKey);
    const receipt = receiptOf(ballotKey);
    const marker: SecretVoterDoc = {
      _id: claimId(poll, right.principalId),
      pollId: poll.doc._id,
      principalId: new ObjectId(right.principalId),
      principalName: right.principalName,
      voterId: new ObjectId(right.voterId),
      viaProxy: right.viaProxy,
      commit,
    };
    // A receipt already known here means this key was used before: a retry, or a key reused
    // for another principal, which must not claim that ballot as its own.
    let fresh = false;
    if (!poll.receipts.has(receipt) && !poll.filling.has(receipt)) fresh = await this.voterClaims.insert(marker);
    if (!fresh) {
      const stored = await this.c.secretVoters.findOne({ _id: marker._id });
      if (!stored) throw new AppError('VALIDATION', { '/ballotKey': 'VALIDATION' });
      if (stored.commit !== commit) throw new PollRefusal('ALREADY_VOTED', { ballot: { principalId: right.principalId, choice: null } });
    }
    if (fresh && (poll.receipts.has(receipt) || poll.filling.has(receipt))) {
      // The same key claimed another principal's ballot at the same moment: this claim was never
      // acknowledged and has no slot, so it goes, and the client must use a key per principal.
      await this.c.secretVoters.deleteOne({ _id: marker._id });
      throw new AppError('VALIDATION', { '/ballotKey': 'VALIDATION' });
    }
    poll.voted.add(right.principalId);
    // The attempt that claimed the voter record is the ballot; any other is a retry of it, even
    // when the fill it waits on was started by one of them.
    const filled = await this.fill(poll, receipt, choice, !fresh);
    return { choice: filled.choice, receipt, retry: !fresh };
  }

  /**
   * Fills one slot for this receipt, once: concurrent attempts share the fill under way, and
   * `lookFirst` (a retry) first looks for a slot an earlier attempt filled (before a crash, or
   * when its write failed without saying whether it landed).
   */
  private fill(poll: OpenPoll, receipt: string, choice: string[], lookFirst: boolean): Promise<Filled> {
    const done = poll.receipts.get(receipt);
    if (done) return Promise.resolve({ choice: done, existing: true });
    const pending = poll.filling.get(receipt);
    if (pending) return pending.then((f) => ({ ...f, existing: true }));
    const work = this.fillSlot(poll, receipt, choice, lookFirst);
    poll.filling.set(receipt, work);
    const clear = () => poll.filling.delete(receipt);
    work.then(clear, clear);
    return work;
  }

  private async fillSlot(poll: OpenPoll, receipt: string, choice: string[], lookFirst: boolean): Promise<Filled> {
    if (lookFirst) {
      const found = await this.findByReceipt(poll.doc._id, receipt);
      if (found) {
        poll.countSecret(receipt, found);
        return { choice: found, existing: true };
      }
    }
    await this.writerOf(poll.doc._id).fill(receipt, choice);
    poll.countSecret(receipt, choice);
    return { choice, existing: false };
  }

  /** The choice stored under a receipt, if any. A poll has a few urns, so this reads little. */
  private async findByReceipt(pollId: ObjectId, receipt: string): Promise<string[] | null> {
    const urn = await this.c.secretUrns.findOne({ pollId, 'slots.r': receipt });
    return urn?.slots.find((s) => s.r === receipt)?.c ?? null;
  }

  private writerOf(pollId: ObjectId, known: SecretUrnDoc[] | null = null): UrnWriter {
    const key = pollId.toHexString();
    let writer = this.writers.get(key);
    if (!writer) {
      writer = new UrnWriter(this.c.secretUrns, pollId, known);
      this.writers.set(key, writer);
    }
    return writer;
  }

  /**
   * Creates a secret poll's blank slots, one per possible principal, in urns with random ids
   * (neither `_id` order nor insertion order, which an unsorted find returns, says anything).
   * Leftovers of an open that crashed half-way are replaced.
   */
  async prepareSlots(pollId: ObjectId, count: number): Promise<void> {
    await this.c.secretUrns.deleteMany({ pollId });
    const urns = blankUrns(pollId, count);
    if (urns.length) await this.c.secretUrns.insertMany(urns, { ordered: true, ...DURABLE });
    this.writers.set(pollId.toHexString(), new UrnWriter(this.c.secretUrns, pollId, urns));
  }

  /**
   * After the result (with its bulletin of every receipt and choice) is stored: the slots say
   * nothing more, and keeping the collection small keeps fills fast (FerretDB's updates slow
   * down with the collection's size).
   */
  async clearSlots(pollId: ObjectId): Promise<void> {
    this.writers.delete(pollId.toHexString());
    await this.c.secretUrns.deleteMany({ pollId });
  }

  /** Rebuilds an open poll's memory from the database (at start-up, or first use after one). */
  async load(poll: OpenPoll): Promise<void> {
    if (!poll.secret) {
      for await (const b of this.c.ballots.find({ pollId: poll.doc._id }, { projection: { principalId: 1, voterId: 1, viaProxy: 1, choice: 1 } })) poll.countNamed(namedOf(b));
      return;
    }
    const [voters, urns] = await Promise.all([
      this.c.secretVoters.find({ pollId: poll.doc._id }, { projection: { principalId: 1 } }).toArray(),
      this.c.secretUrns.find({ pollId: poll.doc._id }).toArray(),
    ]);
    for (const v of voters) poll.voted.add(v.principalId.toHexString());
    for (const u of urns) for (const s of u.slots) if (s.r && s.c) poll.countSecret(s.r, s.c);
    // A writer already here has writes under way and knows its blanks better than this read.
    this.writerOf(poll.doc._id, urns);
  }

  /**
   * Every stored ballot of a poll, after its writes have drained: from the poll's memory, which
   * counted each ballot as it was stored (see `OpenPoll`), or from the database when a write
   * failed without saying whether it landed.
   */
  async count(poll: OpenPoll): Promise<Counted> {
    if (!poll.uncertain) {
      if (!poll.secret) {
        const named = [...poll.named.values()];
        return { choices: named.map((b) => b.choice), named, bulletin: null, turnout: named.length };
      }
      const bulletin = [...poll.receipts].map(([receipt, choice]) => ({ receipt, choice })).sort(byReceipt);
      return { choices: bulletin.map((e) => e.choice), named: null, bulletin, turnout: poll.voted.size };
    }
    if (!poll.secret) {
      const named = (await this.c.ballots.find({ pollId: poll.doc._id }, { projection: { principalId: 1, voterId: 1, viaProxy: 1, choice: 1 } }).toArray()).map(namedOf);
      return { choices: named.map((b) => b.choice), named, bulletin: null, turnout: named.length };
    }
    const [urns, turnout] = await Promise.all([this.c.secretUrns.find({ pollId: poll.doc._id }).toArray(), this.c.secretVoters.countDocuments({ pollId: poll.doc._id })]);
    const bulletin = urns.flatMap((u) => u.slots.flatMap((s) => (s.r && s.c ? [{ receipt: s.r, choice: s.c }] : []))).sort(byReceipt);
    return { choices: bulletin.map((e) => e.choice), named: null, bulletin, turnout };
  }

  /** Who voted what in a named poll, sorted by principal name (read on request, never broadcast). */
  async voters(pollId: ObjectId): Promise<PollVoterChoice[]> {
    const ballots = await this.c.ballots.find({ pollId }, { projection: { principalId: 1, principalName: 1, voterId: 1, voterName: 1, viaProxy: 1, choice: 1 } }).toArray();
    return ballots
      .map((b) => ({ principalId: b.principalId.toHexString(), principalName: b.principalName, voterId: b.voterId.toHexString(), voterName: b.voterName, viaProxy: b.viaProxy, choice: b.choice }))
      .sort((a, b) => a.principalName.localeCompare(b.principalName, 'vi') || a.principalId.localeCompare(b.principalId));
  }

  /** The caller's stored ballots in a poll: cast by them, or cast for them as a principal. */
  async mine(pollId: ObjectId, secret: boolean, userId: ObjectId, principalIds: ObjectId[]): Promise<{ principalId: string; principalName: string; viaProxy: boolean; choice: string[] | null }[]> {
    const filter = { pollId, $or: [{ voterId: userId }, { principalId: { $in: [userId, ...principalIds] } }] };
    if (secret) {
      const docs = await this.c.secretVoters.find(filter, { projection: { principalId: 1, principalName: 1, viaProxy: 1 } }).toArray();
      return docs.map((d) => ({ principalId: d.principalId.toHexString(), principalName: d.principalName, viaProxy: d.viaProxy, choice: null }));
    }
    const docs = await this.c.ballots.find(filter, { projection: { principalId: 1, principalName: 1, viaProxy: 1, choice: 1 } }).toArray();
    return docs.map((d) => ({ principalId: d.principalId.toHexString(), principalName: d.principalName, viaProxy: d.viaProxy, choice: d.choice }));
  }
}

function namedOf(b: Pick<BallotDoc, 'principalId' | 'voterId' | 'viaProxy' | 'choice'>): NamedBallot {
  return { principalId: b.principalId.toHexString(), voterId: b.voterId.toHexString(), viaProxy: b.viaProxy, choice: b.choice };
}
