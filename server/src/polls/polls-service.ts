import type { FastifyInstance } from 'fastify';
import { ObjectId } from 'mongodb';
import {
  rooms,
  type BallotAccepted,
  type CastBallot,
  type LiveEvent,
  type LivePollSummary,
  type MyBallot,
  type OpenPoll as OpenPollInput,
  type Poll,
  type PollDetail,
  type PollVoterChoice,
  type PollVoters,
} from '@e-cabinet/protocol';
import { collections, type Collections, type MeetingDoc, type PollDoc, type UserDoc } from '../db/collections.ts';
import { AppError } from '../http/app-error.ts';
import { toObjectId } from '../http/ids.ts';
import { isOrganiser } from '../meetings/participants.ts';
import type { MeetingAccess } from '../meetings/meetings-service.ts';
import type { BallotRight } from '../live/live-service.ts';
import { BallotBox, DURABLE, type Cast } from './ballot-box.ts';
import { KeyedLock } from './keyed-lock.ts';
import { OpenPoll, type PollChanged } from './open-poll.ts';
import { ProgressBroadcaster } from './poll-progress.ts';
import { PollRefusal } from './poll-refusal.ts';
import { PollDrafts, recordChange, visiblePoll } from './poll-drafts.ts';
import { buildResult, ownQuorum, toPoll, toSummary, withVoters, type Turnout } from './poll-view.ts';
import { RightsCache } from './rights-cache.ts';

const NO_TURNOUT: Turnout = { voted: 0, eligible: 0 };

/** Who closed a poll, as the audit log says. */
type ClosedBy = 'chair' | 'timer' | 'meetingEnded';

const organisersOf = (meeting: MeetingDoc): string[] =>
  meeting.participants.flatMap((p) => (p.userId && (p.role === 'chair' || p.role === 'secretary') ? [p.userId.toHexString()] : []));

/**
 * Polls: prepared as drafts by the chair or secretary, opened and closed by the chair (or a
 * timer), voted by whoever `app.live` says holds a ballot right at that moment.
 *
 * The vote path reads nothing of its own from the database (the socket server's session and
 * user checks are cached too): the open poll and the meeting's ballot rights are in memory, so a ballot
 * costs one insert (named) or an insert and an update (secret), each acknowledged durably, and
 * then the ack. Inserts are group-committed (see `InsertBatcher`), and so are secret slot fills (see `UrnWriter`). Its audit entry is appended after the ack; closing
 * records every counted ballot in the audit log again, so an entry lost to a crash between the
 * ack and the append is still recorded. Closing tallies the poll's memory (see `OpenPoll`), so
 * the result goes out after one small write, and it carries counts only: a named poll's list of
 * voters is read when someone asks for it (`voters`).
 *
 * One process runs a meeting's polls: open polls, their timers, their running counts and the
 * secret-slot pool live in this process's memory (restored from the database at start-up), like
 * the outbox's sending. Ending the meeting closes its open polls.
 */
export class PollsService {
  private readonly c: Collections;
  private readonly box: BallotBox;
  private readonly rights: RightsCache;
  private readonly progress: ProgressBroadcaster;
  private readonly locks = new KeyedLock();
  /** Preparing, editing and deleting drafts. */
  readonly drafts: PollDrafts;
  /** Open polls, by id. A poll closed here is never activated again (see `finished`). */
  private readonly open = new Map<string, Promise<OpenPoll>>();
  private readonly finished = new Set<string>();
  /** Closes under way, until their bookkeeping is done (the poll leaves `open` before that). */
  private readonly closings = new Set<Promise<PollChanged>>();
  private stopped = false;

  constructor(private readonly app: FastifyInstance) {
    this.c = collections(app.db);
    this.box = new BallotBox(this.c);
    this.rights = new RightsCache((meetingId) => app.live.ballotRights(meetingId));
    this.progress = new ProgressBroadcaster(app, (poll) => this.turnout(poll));
    this.drafts = new PollDrafts(app, this.c, this.locks);
  }

  // ---- Wiring ------------------------------------------------------------------------------

  /**
   * The live service says who is on the roll, present or holding a proxy changed (in this
   * process, right after the change is stored and before its command is acknowledged): ballot
   * rights are computed again on next use. Null: every meeting.
   */
  onRosterChange(meetingId: string | null): void {
    if (meetingId) this.rights.invalidate(meetingId);
    else this.rights.clear();
  }

  /** The meeting ended (its live event says so): its open polls close with their results. */
  onLiveEvent(event: LiveEvent): void {
    if (event.status === undefined || event.status === 'live') return;
    this.closeAllOf(toObjectId(event.meetingId)).catch((err: unknown) => this.app.log.error({ err, meetingId: event.meetingId }, 'open polls of an ended meeting not closed'));
  }

  /**
   * At start-up: every open poll back in memory, its timer rescheduled (a past one closes now);
   * one whose meeting ended meanwhile closes now.
   */
  async restore(): Promise<void> {
    const docs = await this.c.polls.find({ status: 'open' }).toArray();
    await Promise.all(
      docs.map(async (doc) => {
        try {
          const poll = await this.activate(doc);
          const meeting = await this.app.meetings.store.load(doc.meetingId);
          if (meeting && meeting.status !== 'live') await this.close(poll, null, 'meetingEnded');
        } catch (err) {
          this.app.log.error({ err, pollId: doc._id.toHexString() }, 'open poll not restored');
        }
      }),
    );
  }

  /** Closes every open poll of a meeting that is no longer live: those in memory and those stored open. */
  async closeAllOf(meetingId: ObjectId): Promise<void> {
    const id = meetingId.toHexString();
    const inMemory = (await Promise.allSettled([...this.open.values()])).flatMap((p) => (p.status === 'fulfilled' && p.value.meetingId === id ? [p.value] : []));
    const stored = (await this.c.polls.find({ meetingId, status: 'open' }).toArray()).filter((doc) => !this.finished.has(doc._id.toHexString()));
    const closing = [
      ...inMemory.map((poll) => this.close(poll, null, 'meetingEnded')),
      ...stored.map(async (doc) => this.close(await (this.open.get(doc._id.toHexString()) ?? this.activate(doc)), null, 'meetingEnded')),
    ];
    const failed = (await Promise.allSettled(closing)).find((r) => r.status === 'rejected');
    if (failed) throw failed.reason;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.progress.stop();
    const polls = await Promise.allSettled([...this.open.values()]);
    for (const p of polls) if (p.status === 'fulfilled' && p.value.timer) clearTimeout(p.value.timer);
    await this.idle();
  }

  /** Resolves once every close under way has finished, its audit entries and live event included. */
  async idle(): Promise<void> {
    while (this.closings.size > 0) await Promise.allSettled([...this.closings]);
  }

  // ---- Reading -----------------------------------------------------------------------------

  /** The live state's poll list: open and closed polls of the meeting, in the order they opened. */
  async summaries(meetingId: ObjectId): Promise<LivePollSummary[]> {
    const docs = await this.c.polls.find({ meetingId, status: { $in: ['open', 'closed'] } }).toArray();
    docs.sort((a, b) => (a.openedAt?.getTime() ?? 0) - (b.openedAt?.getTime() ?? 0));
    return docs.map(toSummary);
  }

  async list(meetingId: ObjectId, user: UserDoc): Promise<Poll[]> {
    const { role } = await this.app.meetings.access(meetingId, user);
    const docs = await this.c.polls.find(isOrganiser(role) ? { meetingId } : { meetingId, status: { $ne: 'draft' } }).toArray();
    docs.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
    return Promise.all(docs.map(async (doc) => toPoll(doc, await this.turnoutOf(doc))));
  }

  /** One poll: with the caller's ballots, and for a closed named poll the list of who voted what. */
  async get(meetingId: ObjectId, pollId: ObjectId, user: UserDoc): Promise<PollDetail> {
    const { doc } = await visiblePoll(this.app, this.c, meetingId, pollId, user);
    const [turnout, myBallots, voters] = await Promise.all([this.turnoutOf(doc), this.myBallots(doc, user), this.namedVoters(doc)]);
    const poll = toPoll(doc, turnout);
    return { ...(voters ? withVoters(poll, voters) : poll), myBallots };
  }

  /**
   * Who voted what in a closed named poll, for any participant who may see the poll (NOT_FOUND
   * otherwise, as for the poll). A secret poll has no such list (NOT_FOUND); one not closed yet
   * has none yet (POLL_NOT_OPEN for a draft, CONFLICT while open).
   */
  async voters(meetingId: ObjectId, pollId: ObjectId, user: UserDoc): Promise<PollVoters> {
    const { doc } = await visiblePoll(this.app, this.c, meetingId, pollId, user);
    if (doc.definition.secrecy === 'secret') throw new AppError('NOT_FOUND');
    if (doc.status === 'draft') throw new AppError('POLL_NOT_OPEN');
    const voters = await this.namedVoters(doc);
    if (!voters) throw new AppError('CONFLICT');
    return { pollId: doc._id.toHexString(), voters };
  }

  /** A closed named poll's voters (stored with results from before the list moved out, else from its ballots). */
  private async namedVoters(doc: PollDoc): Promise<PollVoterChoice[] | null> {
    if (doc.status !== 'closed' || doc.definition.secrecy !== 'named' || !doc.result) return null;
    return doc.result.voters ?? this.box.voters(doc._id);
  }

  /** The caller's votes in a poll: one per right they hold now, plus any cast by them or for them. */
  private async myBallots(doc: PollDoc, user: UserDoc): Promise<MyBallot[]> {
    if (doc.status === 'draft') return [];
    const rights: BallotRight[] = this.open.has(doc._id.toHexString()) ? ((await this.rights.get(doc.meetingId)).byVoter.get(user._id.toHexString()) ?? []) : [];
    const stored = await this.box.mine(doc._id, doc.definition.secrecy === 'secret', user._id, rights.map((r) => new ObjectId(r.principalId)));
    const byPrincipal = new Map(stored.map((s) => [s.principalId, s] as const));
    const out: MyBallot[] = rights.map((r) => {
      const cast = byPrincipal.get(r.principalId);
      byPrincipal.delete(r.principalId);
      return { principalId: r.principalId, principalName: r.principalName, viaProxy: r.viaProxy, voted: cast !== undefined, choice: cast?.choice ?? null };
    });
    for (const s of byPrincipal.values()) out.push({ principalId: s.principalId, principalName: s.principalName, viaProxy: s.viaProxy, voted: true, choice: s.choice });
    return out;
  }

  private async turnoutOf(doc: PollDoc): Promise<Turnout> {
    const live = this.open.get(doc._id.toHexString());
    if (live) return this.turnout(await live);
    return doc.turnout ?? NO_TURNOUT;
  }

  /** Voted of eligible: principals who may vote now, plus those who voted and have since left. */
  private async turnout(poll: OpenPoll): Promise<Turnout> {
    const { principals } = await this.rights.get(poll.doc.meetingId);
    let eligible = principals.size;
    for (const p of poll.voted) if (!principals.has(p)) eligible++;
    return { voted: poll.voted.size, eligible };
  }

  // ---- Open and close ----------------------------------------------------------------------

  /** The chair opens a draft while the meeting is live, with quorum or by an audited override. */
  async openPoll(user: UserDoc, input: OpenPollInput): Promise<PollChanged> {
    const pollId = toObjectId(input.pollId);
    return this.locks.run(input.pollId, async () => {
      const { meeting, doc } = await this.chairOf(pollId, user);
      if (doc.status !== 'draft') throw new AppError('POLL_NOT_DRAFT');
      if (meeting.status !== 'live') throw new AppError('MEETING_NOT_LIVE');
      const quorum = await this.app.live.quorum(meeting._id);
      const own = ownQuorum(doc.definition, quorum);
      const met = quorum.met && own.met;
      if (!met && !input.override) throw new AppError('NO_QUORUM');

      const openedAt = new Date();
      const durationSec = input.durationSec !== undefined ? input.durationSec : doc.durationSec;
      const set = {
        status: 'open' as const,
        openedAt,
        openedBy: user._id,
        durationSec,
        closesAt: durationSec ? new Date(openedAt.getTime() + durationSec * 1000) : null,
        quorumAtOpen: { present: quorum.present, members: quorum.members, required: Math.max(quorum.required, own.needed), met, overridden: !met },
        updatedAt: openedAt,
      };
      // One slot per voting member: nobody else can hold a ballot right.
      if (doc.definition.secrecy === 'secret') await this.box.prepareSlots(doc._id, Math.max(quorum.members, 1));
      if ((await this.c.polls.updateOne({ _id: doc._id, status: 'draft' }, { $set: set }, DURABLE)).matchedCount !== 1) throw new AppError('POLL_NOT_DRAFT');
      const opened: PollDoc = { ...doc, ...set };
      const live = new OpenPoll(opened, organisersOf(meeting));
      this.open.set(live.id, Promise.resolve(live));
      this.schedule(live);

      if (!met) {
        await this.app.audit.append({ actorId: user._id.toHexString(), action: 'poll.quorumOverride', target: live.id, data: { meetingId: live.meetingId, ...set.quorumAtOpen } });
      }
      const poll = toPoll(opened, await this.turnout(live));
      this.app.io.to(rooms.meeting(live.meetingId)).emit('poll:opened', { meetingId: live.meetingId, poll });
      const seq = await recordChange(this.app, user, 'poll.opened', opened, { quorum: set.quorumAtOpen, closesAt: set.closesAt?.toISOString() ?? null });
      return { seq, poll };
    });
  }

  /** The chair closes an open poll; closing a closed one answers its result again. */
  async closePoll(user: UserDoc, pollId: string): Promise<PollChanged> {
    // Open here: the poll is in memory, so only the chair's access is read before the close.
    const live = await this.open.get(pollId)?.catch(() => undefined);
    if (live) {
      const { meeting, role } = await this.app.meetings.access(live.doc.meetingId, user);
      if (role !== 'chair') throw new AppError('FORBIDDEN');
      return this.close(live, user, 'chair', meeting);
    }
    const { doc } = await this.chairOf(toObjectId(pollId), user);
    if (doc.status === 'draft') throw new AppError('POLL_NOT_OPEN');
    if (doc.status === 'closed' && !this.open.has(pollId)) return { seq: null, poll: toPoll(doc, doc.turnout ?? NO_TURNOUT) };
    return this.close(await (this.open.get(pollId) ?? this.activate(doc)), user, 'chair');
  }

  private async chairOf(pollId: ObjectId, user: UserDoc): Promise<MeetingAccess & { doc: PollDoc }> {
    const doc = await this.c.polls.findOne({ _id: pollId });
    if (!doc) throw new AppError('NOT_FOUND');
    const found = await visiblePoll(this.app, this.c, doc.meetingId, pollId, user);
    if (found.role !== 'chair') throw new AppError('FORBIDDEN');
    return found;
  }

  /**
   * Closes once, however many ask (the chair twice, the chair and the timer, the meeting's end).
   * `meeting`: the meeting as just loaded by the caller, if it has it.
   */
  private close(poll: OpenPoll, by: UserDoc | null, reason: ClosedBy, meeting?: MeetingDoc): Promise<PollChanged> {
    if (!poll.closing) {
      const closing = this.finish(poll, by, reason, meeting);
      poll.closing = closing;
      this.closings.add(closing);
      closing.then(
        () => this.closings.delete(closing),
        () => {
          this.closings.delete(closing);
          // A failed close leaves the poll open and closable again.
          poll.closing = null;
        },
      );
    }
    return poll.closing;
  }

  private async finish(poll: OpenPoll, by: UserDoc | null, reason: ClosedBy, meeting?: MeetingDoc): Promise<PollChanged> {
    if (poll.timer) clearTimeout(poll.timer);
    poll.timer = null;
    this.progress.cancel(poll.id);
    // No ballot starts after `closing` is set; those under way are counted.
    await poll.drain();
    const [quorum, counted, { eligible }] = await Promise.all([this.app.live.quorum(poll.doc.meetingId, meeting), this.box.count(poll), this.turnout(poll)]);
    const result = buildResult(poll.def, counted, quorum);
    const closedAt = new Date();
    const set = { status: 'closed' as const, closedAt, closedBy: by?._id ?? null, result, turnout: { voted: counted.turnout, eligible: Math.max(eligible, counted.turnout) }, updatedAt: closedAt };
    const written = await this.c.polls.updateOne({ _id: poll.doc._id, status: 'open' }, { $set: set }, DURABLE);
    // Closed elsewhere meanwhile: what is stored stands.
    const doc = written.matchedCount === 1 ? { ...poll.doc, ...set } : ((await this.c.polls.findOne({ _id: poll.doc._id })) ?? { ...poll.doc, ...set });
    poll.doc = doc;
    this.finished.add(poll.id);
    this.open.delete(poll.id);

    // The result goes out as soon as it is stored; the bookkeeping follows.
    const closed = toPoll(doc, doc.turnout ?? set.turnout);
    this.app.io.to(rooms.meeting(poll.meetingId)).emit('poll:result', { meetingId: poll.meetingId, poll: closed });
    if (poll.secret) await this.box.clearSlots(poll.doc._id);
    const outcome = { cast: result.cast, counts: Object.fromEntries(result.options.map((o) => [o.id, o.votes])), passed: result.outcome.passed, reason: result.outcome.reason, present: result.present, members: result.members };
    if (counted.named) {
      const voters = counted.named.map(({ principalId, voterId, viaProxy, choice }) => ({ principalId, voterId, viaProxy, choice })).sort((a, b) => a.principalId.localeCompare(b.principalId));
      await this.app.audit.append({ actorId: by?._id.toHexString() ?? null, action: 'poll.closed', target: poll.id, data: { meetingId: poll.meetingId, by: reason, ...outcome, voters } });
    } else {
      // Secret: who voted goes in an entry of its own, sorted, never next to a choice or a count.
      await this.app.audit.append({ actorId: null, action: 'poll.turnout', target: poll.id, data: { meetingId: poll.meetingId, principals: await this.secretTurnout(poll) } });
      await this.app.audit.append({ actorId: by?._id.toHexString() ?? null, action: 'poll.closed', target: poll.id, data: { meetingId: poll.meetingId, by: reason, ...outcome } });
    }
    const seq = await this.app.live.publish(doc.meetingId, { polls: true });
    return { seq, poll: closed };
  }

  private async secretTurnout(poll: OpenPoll): Promise<{ principalId: string; voterId: string; viaProxy: boolean }[]> {
    const voters = await this.c.secretVoters.find({ pollId: poll.doc._id }, { projection: { principalId: 1, voterId: 1, viaProxy: 1 } }).toArray();
    return voters.map((v) => ({ principalId: v.principalId.toHexString(), voterId: v.voterId.toHexString(), viaProxy: v.viaProxy })).sort((a, b) => a.principalId.localeCompare(b.principalId));
  }

  /** Brings an open poll into memory once (at start-up, or on first use if that failed). */
  private activate(doc: PollDoc): Promise<OpenPoll> {
    const id = doc._id.toHexString();
    const existing = this.open.get(id);
    if (existing) return existing;
    const loading = (async () => {
      const meeting = await this.app.meetings.store.load(doc.meetingId);
      const poll = new OpenPoll(doc, meeting ? organisersOf(meeting) : []);
      await this.box.load(poll);
      this.schedule(poll);
      return poll;
    })();
    this.open.set(id, loading);
    loading.catch(() => {
      if (this.open.get(id) === loading) this.open.delete(id);
    });
    return loading;
  }

  private schedule(poll: OpenPoll): void {
    if (!poll.doc.closesAt || this.stopped) return;
    poll.timer = setTimeout(
      () => {
        poll.timer = null;
        this.close(poll, null, 'timer').catch((err: unknown) => this.app.log.error({ err, pollId: poll.id }, 'poll timer could not close the poll'));
      },
      Math.max(0, poll.doc.closesAt.getTime() - Date.now()),
    );
  }

  // ---- Voting ------------------------------------------------------------------------------

  /**
   * One ballot, acknowledged once stored. Checks, in order: the poll is open here (else
   * NOT_FOUND to outsiders, POLL_NOT_OPEN or POLL_CLOSED), the caller holds this right now
   * (NOT_FOUND to outsiders, else NOT_ELIGIBLE), the choice is valid (BALLOT_INVALID), then the
   * store decides between a new ballot, a retry and ALREADY_VOTED.
   */
  async vote(user: UserDoc, input: CastBallot): Promise<BallotAccepted> {
    const poll = await this.openFor(toObjectId(input.pollId), user);
    const userId = user._id.toHexString();
    const principalId = input.onBehalfOf ?? userId;
    const right = (await this.rights.get(poll.doc.meetingId)).byVoter.get(userId)?.find((r) => r.principalId === principalId);
    if (!right) {
      await this.app.meetings.access(poll.doc.meetingId, user);
      throw new AppError('NOT_ELIGIBLE');
    }
    const checked = poll.validate(input.choice);
    if (!checked.ok) throw new PollRefusal('BALLOT_INVALID', { reason: checked.reason });
    const cast = await poll.track(() => (poll.secret ? this.box.castSecret(poll, right, checked.choice, input.ballotKey) : this.box.castNamed(poll, right, checked.choice, input.ballotKey)));
    this.progress.touch(poll);
    if (!cast.retry) this.auditVote(user, poll, right, cast);
    return { pollId: poll.id, principalId, choice: cast.choice, receipt: cast.receipt, retry: cast.retry };
  }

  private async openFor(pollId: ObjectId, user: UserDoc): Promise<OpenPoll> {
    const id = pollId.toHexString();
    const loaded = this.open.get(id);
    if (loaded) return loaded;
    const doc = await this.c.polls.findOne({ _id: pollId });
    if (doc?.status === 'open' && !this.finished.has(id)) return this.activate(doc);
    if (!doc) throw new AppError('NOT_FOUND');
    const { role } = await this.app.meetings.access(doc.meetingId, user);
    if (doc.status === 'draft') throw new AppError(isOrganiser(role) ? 'POLL_NOT_OPEN' : 'NOT_FOUND');
    throw new AppError('POLL_CLOSED');
  }

  /**
   * After the ack, not awaited: the ballot is already durable, and `poll.closed` lists every
   * counted ballot again. A secret ballot's entry says who voted, never what or with which receipt.
   */
  private auditVote(user: UserDoc, poll: OpenPoll, right: BallotRight, cast: Cast): void {
    const data: Record<string, unknown> = { meetingId: poll.meetingId, principalId: right.principalId, viaProxy: right.viaProxy };
    if (!poll.secret) data.choice = cast.choice;
    this.app.audit.append({ actorId: user._id.toHexString(), action: 'poll.voted', target: poll.id, data }).catch((err: unknown) => this.app.log.error({ err: (err as Error).message, pollId: poll.id }, 'poll.voted not audited'));
  }
}
