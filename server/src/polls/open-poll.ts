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

/** A named ballot as counted in memory: enough for the result and the closing audit entry. */
export interface NamedBallot {
  principalId: string;
  voterId: string;
  viaProxy: boolean;
  choice: string[];
}

/**
 * An open poll in this process's memory: the poll, its running count and who has voted (secret
 * polls' blank slots are the ballot box's `UrnWriter`'s). Ballots are written through `track`, so closing can
 * stop new ones and wait for those under way: every acknowledged ballot is counted.
 *
 * A ballot is counted here once it is durably stored (or found stored, for a retry), and the
 * counts are idempotent by principal (named) or receipt (secret), so a retry never counts twice.
 * They are complete: an open poll comes into memory from the database (`BallotBox.load`) before
 * it takes a ballot, and one process runs a meeting's polls. So closing tallies from here,
 * without reading the ballots back, unless a write failed without saying whether it landed
 * (`uncertain`): then the database decides.
 *
 * Secrecy: the secret count is receipt → choice and a set of principals who voted, never joined.
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
  /** Named: every counted ballot, by principal. */
  readonly named = new Map<string, NamedBallot>();
  /** Secret: receipt → choice of every filled slot. Memory only; never stored next to a voter. */
  readonly receipts = new Map<string, string[]>();
  /** Secret: fills under way, by receipt, so two attempts of one ballot never fill two slots. */
  readonly filling = new Map<string, Promise<Filled>>();
  /** Users to send the running tally to (the chair and secretary). */
  readonly organisers: string[];
  private readonly inflight = new Set<Promise<unknown>>();
  /**
   * A ballot write failed in a way that says nothing of whether it landed (a driver or network
   * error, not a refusal): the memory may miss a stored ballot, so closing counts from the database.
   */
  uncertain = false;
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
    running.then(
      () => this.inflight.delete(running),
      (err: unknown) => {
        // A refusal (AppError) wrote nothing or found what was stored; anything else may have landed.
        if (!(err instanceof AppError)) this.uncertain = true;
        this.inflight.delete(running);
      },
    );
    return running;
  }

  /** Resolves once every ballot write started before closing has settled. */
  async drain(): Promise<void> {
    while (this.inflight.size > 0) await Promise.allSettled([...this.inflight]);
  }

  /** Counts a named ballot once per principal. */
  countNamed(ballot: NamedBallot): void {
    if (this.voted.has(ballot.principalId)) return;
    this.voted.add(ballot.principalId);
    this.named.set(ballot.principalId, ballot);
    this.add(ballot.choice);
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
