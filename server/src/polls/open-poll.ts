import { ballotValidator, pollOptions, type BallotResult, type PollDefinition } from '@e-cabinet/voting';
import type { Poll } from '@e-cabinet/protocol';
import type { PollDoc } from '../db/collections.ts';
import { AppError } from '../http/app-error.ts';

/** What opening or closing answers: the seq of the live event that carried it, and the poll. */
export interface PollChanged {
  seq: number | null;
  poll: Poll;
}

/** What a secret fill settled on: the stored choice, and whether it had been stored before. */
export interface Filled {
  choice: string[];
  existing: boolean;
}

/**
 * An open poll in this process's memory: the poll, its running count and who has voted (secret
 * polls' blank slots are the ballot box's `UrnWriter`'s). Ballots are written through `track`, so closing can
 * stop new ones and wait for those under way: every acknowledged ballot is counted.
 *
 * Running counts here are for the live progress only; the result is always tallied from the
 * database. The counts are idempotent by principal (named) or receipt (secret), so a retry that
 * finds its ballot already stored never counts it twice.
 */
export class OpenPoll {
  readonly id: string;
  readonly meetingId: string;
  readonly def: PollDefinition;
  readonly secret: boolean;
  readonly validate: (choice: readonly string[]) => BallotResult;
  readonly counts: Record<string, number>;
  cast = 0;
  /** Principals with a stored ballot (named) or voter record (secret). */
  readonly voted = new Set<string>();
  /** Secret: receipt → choice of every filled slot. Memory only; never stored next to a voter. */
  readonly receipts = new Map<string, string[]>();
  /** Secret: fills under way, by receipt, so two attempts of one ballot never fill two slots. */
  readonly filling = new Map<string, Promise<Filled>>();
  /** Users to send the running tally to (the chair and secretary). */
  readonly organisers: string[];
  private readonly inflight = new Set<Promise<unknown>>();
  /** Set once closing starts: no ballot is accepted after that. */
  closing: Promise<PollChanged> | null = null;
  timer: NodeJS.Timeout | null = null;

  constructor(
    public doc: PollDoc,
    organisers: string[],
  ) {
    this.id = doc._id.toHexString();
    this.meetingId = doc.meetingId.toHexString();
    this.def = doc.definition;
    this.secret = doc.definition.secrecy === 'secret';
    this.validate = ballotValidator(doc.definition);
    this.counts = Object.fromEntries(pollOptions(doc.definition).map((o) => [o.id, 0]));
    this.organisers = organisers;
  }

  /** Closed for ballots: closing has started or the timer's time has passed. */
  get shut(): boolean {
    return this.closing !== null || (this.doc.closesAt !== null && Date.now() >= this.doc.closesAt.getTime());
  }

  /** Runs a ballot write that closing will wait for; refuses once the poll is shut. */
  track<T>(work: () => Promise<T>): Promise<T> {
    if (this.shut) throw new AppError('POLL_CLOSED');
    const running = work();
    this.inflight.add(running);
    const done = () => this.inflight.delete(running);
    running.then(done, done);
    return running;
  }

  /** Resolves once every ballot write started before closing has settled. */
  async drain(): Promise<void> {
    while (this.inflight.size > 0) await Promise.allSettled([...this.inflight]);
  }

  /** Counts a named ballot once per principal. */
  countNamed(principalId: string, choice: readonly string[]): void {
    if (this.voted.has(principalId)) return;
    this.voted.add(principalId);
    this.add(choice);
  }

  /** Counts a secret ballot once per receipt. */
  countSecret(receipt: string, choice: string[]): void {
    if (this.receipts.has(receipt)) return;
    this.receipts.set(receipt, choice);
    this.add(choice);
  }

  private add(choice: readonly string[]): void {
    for (const id of choice) this.counts[id] = (this.counts[id] ?? 0) + 1;
    this.cast += 1;
  }
}
