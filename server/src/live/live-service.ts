import type { FastifyInstance } from 'fastify';
import { ObjectId } from 'mongodb';
import {
  DEFAULT_QUORUM_RULE,
  DEFAULT_SPEAKING_SECONDS,
  rooms,
  type AttendanceEntry,
  type AttendanceRef,
  type Floor,
  type GiveFloor,
  type GrantProxy,
  type LiveEvent,
  type LivePollSummary,
  type LiveState,
  type MarkAttendance,
  type MeetingRole,
  type MeetingStatus,
  type Quorum,
  type ReorderSpeakers,
  type RevokeProxy,
  type SetCurrentItem,
  type SetQuorumRule,
  type SpeakerRequest,
  type SpeakerRequestRef,
  type Speakers,
} from '@e-cabinet/protocol';
import { collections, type AttendanceDoc, type Collections, type LiveMeetingDoc, type MeetingDoc, type ProxyDoc, type SpeakerRequestDoc, type UserDoc } from '../db/collections.ts';
import { AppError, isDuplicateKey } from '../http/app-error.ts';
import { clean } from '../http/text.ts';
import { isOrganiser } from '../meetings/participants.ts';
import type { MeetingAccess } from '../meetings/meetings-service.ts';
import { AttendanceStore, inRoom, ProxyStore } from './attendance.ts';
import { computeQuorum, isSatisfiableRule } from './quorum.ts';
import { isVoting, rollEntry, type RollEntry } from './roll.ts';
import { RosterCache } from './roster.ts';
import { LiveSequencer, type LiveChange, type PendingChange } from './sequencer.ts';
import { SpeakerStore } from './speakers.ts';

/** What a command answers besides its own data: the seq of the event that carried the change. */
export interface Published {
  seq: number | null;
}

/** One vote a person may cast in a poll: for themself, or for the absent member whose proxy they hold. */
export interface BallotRight {
  voterId: string;
  voterName: string;
  /** Whose vote it is: the voter's own id, or the proxy's principal. Unique per poll. */
  principalId: string;
  principalName: string;
  viaProxy: boolean;
}

/** Lists a meeting's polls for the live state; the voting feature supplies it. */
export type PollSource = (meetingId: ObjectId) => Promise<LivePollSummary[]>;

type LiveSettings = Omit<LiveMeetingDoc, '_id' | 'updatedAt'>;
const DEFAULT_SETTINGS: LiveSettings = { currentItemId: null, quorumRule: DEFAULT_QUORUM_RULE, floor: null };

const IN_SESSION: readonly MeetingStatus[] = ['live'];
/** Check-in and proxies open with publication, so delegates can arrive before the chair starts. */
const ATTENDANCE_OPEN: readonly MeetingStatus[] = ['published', 'live'];
const RULE_EDITABLE: readonly MeetingStatus[] = ['draft', 'submitted', 'approved', 'published', 'live'];

const iso = (d: Date | null) => d?.toISOString() ?? null;

/**
 * The live meeting: current item, attendance and proxies, quorum, speakers. Every command checks
 * access (a non-participant gets NOT_FOUND), role (FORBIDDEN) and status (MEETING_NOT_LIVE),
 * stores its change, audits it, and resolves once the change has gone out as a `live:event`.
 *
 * Rules decided here:
 * - The roll is every participant except observers; chair and members vote, invitees and the
 *   secretary attend without a vote.
 * - A delegate checks in themself; the secretary can check anyone in, mark them absent or
 *   excused (with a reason), or record that they left. Late means checked in after the
 *   scheduled start; leaving is recorded with its time and cleared by checking in again.
 * - Quorum counts voting members in the room (checked in, not left); proxies do not count.
 * - A proxy goes from a voting member who is not in the room to another voting member. Each
 *   person gives at most one and holds at most one, and no chains. Checking in revokes the
 *   principal's proxy; the principal, the holder or the secretary can revoke it at any time
 *   (votes already cast through it stand — the voting feature decides per poll).
 * - Speaking: anyone on the roll asks to speak on the current item, once while queued; the chair
 *   or secretary orders the queue and gives or ends the floor; the speaker can also end it.
 *   Moving to another item ends the floor.
 */
export class LiveService {
  private readonly c: Collections;
  private readonly attendance: AttendanceStore;
  private readonly proxies: ProxyStore;
  private readonly speakers: SpeakerStore;
  private readonly sequencer: LiveSequencer;
  /** Roll and presence per meeting, built once and dropped when they change (see `RosterCache`). */
  private readonly roster: RosterCache;
  private pollSource: PollSource = async () => [];
  /**
   * The state last built per meeting, with the seq it was built at: every join at that seq shares
   * it (500 delegates joining read and build it once, not 500 times). Dropped whenever a change is
   * published or the roll changes; a state built at seq S may already include changes of S+1,
   * which its readers then receive again as that event (they joined the room before reading).
   */
  private readonly states = new Map<string, { seq: number; version: number; built: Promise<Omit<LiveState, 'serverTime'>> }>();
  private readonly eventListeners: ((event: LiveEvent) => void)[] = [];

  constructor(private readonly app: FastifyInstance) {
    this.c = collections(app.db);
    this.attendance = new AttendanceStore(this.c);
    this.proxies = new ProxyStore(this.c);
    this.speakers = new SpeakerStore(this.c);
    this.roster = new RosterCache(this.c);
    this.roster.onChange((meetingId) => {
      if (meetingId === null) this.states.clear();
      else this.states.delete(meetingId);
    });
    this.sequencer = new LiveSequencer(
      this.c.liveSeq,
      (meetingId, seq, change) => this.event(meetingId, seq, change),
      (event) => {
        app.io.to(rooms.meeting(event.meetingId)).emit('live:event', event);
        for (const listener of this.eventListeners) listener(event);
      },
      (err) => app.log.error({ err }, 'live event not published'),
    );
  }

  // ---- For the voting feature -------------------------------------------------------------

  /** Lets the voting feature list its polls in the live state and events. */
  setPollSource(source: PollSource): void {
    this.pollSource = source;
  }

  /**
   * Hears every live event once it is sent, e.g. attendance and proxy changes, which change
   * ballot rights. Events of this process only (with several processes this would ride Redis).
   */
  onEvent(listener: (event: LiveEvent) => void): void {
    this.eventListeners.push(listener);
  }

  /**
   * Hears, in this process, that a meeting's roll, attendance or proxies changed (null: the roll
   * of any meeting may have), right after the change is stored and before its command answers.
   */
  onRosterChange(listener: (meetingId: string | null) => void): void {
    this.roster.onChange(listener);
  }

  /** Users' records changed where the roll reads them (e.g. a user was deactivated). */
  usersChanged(): void {
    this.states.clear();
    this.roster.rollsChanged();
  }

  /** Publishes a change stored elsewhere (e.g. `{ polls: true }`); resolves with its seq. */
  publish(meetingId: ObjectId, change: LiveChange): Promise<number | null> {
    return this.publishChange(meetingId, change);
  }

  /** Every change goes out through here: the shared state of its meeting is stale from now on. */
  private publishChange(meetingId: ObjectId, change: LiveChange): Promise<number | null> {
    this.states.delete(meetingId.toHexString());
    return this.sequencer.publish(meetingId, change);
  }

  /** The quorum now, from the stored rule and attendance; `meeting`: as the caller just loaded it. */
  async quorum(meetingId: ObjectId, meeting?: MeetingDoc): Promise<Quorum> {
    return this.quorumOf(meeting ?? (await this.meeting(meetingId)));
  }

  /**
   * Who may vote now, one entry per vote: every voting member in the room for themself, and
   * every holder in the room of an active proxy for its principal (who is then absent).
   */
  async ballotRights(meetingId: ObjectId): Promise<BallotRight[]> {
    const meeting = await this.meeting(meetingId);
    const [roll, { inRoom: present, proxies }] = await Promise.all([this.roster.roll(meeting), this.roster.presence(meetingId)]);
    const voting = new Map(roll.filter((r) => r.votes).map((r) => [r.userId.toHexString(), r] as const));
    const rights: BallotRight[] = [];
    for (const [id, r] of voting) if (present.has(id)) rights.push({ voterId: id, voterName: r.name, principalId: id, principalName: r.name, viaProxy: false });
    for (const p of proxies) {
      const holder = voting.get(p.holderId.toHexString());
      const principal = voting.get(p.principalId.toHexString());
      if (!holder || !principal || !present.has(p.holderId.toHexString()) || present.has(p.principalId.toHexString())) continue;
      rights.push({ voterId: holder.userId.toHexString(), voterName: holder.name, principalId: principal.userId.toHexString(), principalName: principal.name, viaProxy: true });
    }
    return rights;
  }

  /** The votes one person may cast now (none, their own, and/or one by proxy). */
  async ballotRightsOf(meetingId: ObjectId, userId: ObjectId): Promise<BallotRight[]> {
    return (await this.ballotRights(meetingId)).filter((r) => r.voterId === userId.toHexString());
  }

  // ---- Reading -----------------------------------------------------------------------------

  /**
   * The whole live state for a participant. `beforeRead` runs after the access check and before
   * anything is read (the socket joins the room there, so no event falls between).
   */
  async state(meetingId: ObjectId, user: UserDoc, beforeRead?: () => Promise<void>): Promise<LiveState> {
    const { meeting } = await this.app.meetings.access(meetingId, user);
    await beforeRead?.();
    // The seq first: everything read after it includes at least the events up to it.
    const seq = await this.sequencer.current(meetingId);
    const key = meetingId.toHexString();
    let entry = this.states.get(key);
    // A new meeting version (`seq`: participants changed) has no live event: it makes a new state too.
    if (entry?.seq !== seq || entry.version !== meeting.seq) {
      const built = this.buildState(meetingId, seq);
      const made = { seq, version: meeting.seq, built };
      entry = made;
      this.states.set(key, made);
      built.catch(() => {
        if (this.states.get(key) === made) this.states.delete(key);
      });
    }
    return { ...(await entry.built), serverTime: Date.now() };
  }

  /** The state as stored now, for whoever joins at `seq` (shared: nothing in it is per user). */
  private async buildState(meetingId: ObjectId, seq: number): Promise<Omit<LiveState, 'serverTime'>> {
    const meeting = await this.meeting(meetingId);
    const settings = await this.settings(meetingId);
    const [attendance, quorum, speakers, polls] = await Promise.all([this.entries(meeting), this.quorumOf(meeting, settings), this.speakersOf(meeting, settings), this.pollSource(meetingId)]);
    return { meetingId: meetingId.toHexString(), seq, status: meeting.status, currentItemId: settings.currentItemId?.toHexString() ?? null, attendance, quorum, speakers, polls };
  }

  private async meeting(meetingId: ObjectId): Promise<MeetingDoc> {
    const meeting = await this.app.meetings.store.load(meetingId);
    if (!meeting) throw new AppError('NOT_FOUND');
    return meeting;
  }

  private async settings(meetingId: ObjectId): Promise<LiveSettings> {
    const doc = await this.c.liveMeetings.findOne({ _id: meetingId });
    return doc ? { currentItemId: doc.currentItemId, quorumRule: doc.quorumRule, floor: doc.floor } : DEFAULT_SETTINGS;
  }

  /** Last writer wins: only the chair and secretary write these, one decision at a time. */
  private async saveSettings(meetingId: ObjectId, set: Partial<LiveSettings>): Promise<void> {
    const update = { $set: { ...set, updatedAt: new Date() }, $setOnInsert: Object.fromEntries(Object.entries(DEFAULT_SETTINGS).filter(([k]) => !(k in set))) };
    try {
      await this.c.liveMeetings.updateOne({ _id: meetingId }, update, { upsert: true });
    } catch (err) {
      // Two first writes raced to insert: the record exists now, so update it.
      if (!isDuplicateKey(err)) throw err;
      await this.c.liveMeetings.updateOne({ _id: meetingId }, { $set: update.$set });
    }
  }

  private async entries(meeting: MeetingDoc, only?: readonly ObjectId[]): Promise<AttendanceEntry[]> {
    const [roll, { attendance: byUser, proxies }] = await Promise.all([only ? this.roster.rollOf(meeting, only) : this.roster.roll(meeting), this.roster.presence(meeting._id)]);
    const given = new Map(proxies.map((p) => [p.principalId.toHexString(), p] as const));
    const held = new Map(proxies.map((p) => [p.holderId.toHexString(), p] as const));
    return roll.map((r) => toEntry(r, byUser.get(r.userId.toHexString()) ?? null, given.get(r.userId.toHexString()) ?? null, held.get(r.userId.toHexString()) ?? null));
  }

  private async quorumOf(meeting: MeetingDoc, settings?: LiveSettings): Promise<Quorum> {
    const [roll, { inRoom: present }, { quorumRule }] = await Promise.all([this.roster.roll(meeting), this.roster.presence(meeting._id), settings ?? this.settings(meeting._id)]);
    const voting = roll.filter((r) => r.votes);
    return computeQuorum(quorumRule, voting.length, voting.filter((r) => present.has(r.userId.toHexString())).length);
  }

  private async speakersOf(meeting: MeetingDoc, settings: LiveSettings): Promise<Speakers> {
    if (meeting.status !== 'live') return { queue: [], floor: null };
    const queue = settings.currentItemId ? await this.speakers.queue(meeting._id, settings.currentItemId) : [];
    return { queue: queue.map(toRequest), floor: settings.floor ? toFloor(settings.floor) : null };
  }

  /** Builds an event from the slices that changed, read after its seq was claimed. */
  private async event(meetingId: ObjectId, seq: number, change: PendingChange): Promise<LiveEvent> {
    const meeting = await this.meeting(meetingId);
    const settings = await this.settings(meetingId);
    const event: LiveEvent = { meetingId: meetingId.toHexString(), seq };
    const [attendance, quorum, speakers, polls] = await Promise.all([
      change.attendance.size ? this.entries(meeting, [...change.attendance.values()]) : undefined,
      change.quorum ? this.quorumOf(meeting, settings) : undefined,
      change.speakers ? this.speakersOf(meeting, settings) : undefined,
      change.polls ? this.pollSource(meetingId) : undefined,
    ]);
    if (change.meeting) Object.assign(event, { status: meeting.status, currentItemId: settings.currentItemId?.toHexString() ?? null });
    if (attendance) event.attendance = attendance;
    if (quorum) event.quorum = quorum;
    if (speakers) event.speakers = speakers;
    if (polls) event.polls = polls;
    return event;
  }

  // ---- Commands ----------------------------------------------------------------------------

  /** Access, then role, then status: a wrong role is refused whatever the status. */
  private async enter(meetingId: string, user: UserDoc, opts: { roles?: readonly MeetingRole[]; statuses: readonly MeetingStatus[]; notInStatus?: 'MEETING_NOT_LIVE' | 'MEETING_NOT_EDITABLE' }): Promise<MeetingAccess> {
    const access = await this.app.meetings.access(new ObjectId(meetingId), user);
    if (opts.roles && !opts.roles.includes(access.role)) throw new AppError('FORBIDDEN');
    if (!opts.statuses.includes(access.meeting.status)) throw new AppError(opts.notInStatus ?? 'MEETING_NOT_LIVE');
    return access;
  }

  /** Audits and publishes a stored change together; the ack waits for both. */
  private async record(actor: UserDoc, action: string, meeting: MeetingDoc, data: Record<string, unknown>, change: LiveChange): Promise<number | null> {
    const [, seq] = await Promise.all([
      this.app.audit.append({ actorId: actor._id.toHexString(), action, target: meeting._id.toHexString(), data }),
      this.publishChange(meeting._id, change),
    ]);
    return seq;
  }

  /**
   * Runs a write to attendance or proxies, then (whether it succeeded, failed or wrote nothing)
   * drops the meeting's cached presence, before the command goes on to publish and answer.
   */
  private async presenceWrite<T>(meetingId: ObjectId, write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } finally {
      this.roster.presenceChanged(meetingId);
    }
  }

  /** The roll entry of someone the command is about; not on the roll is PARTICIPANT_NOT_FOUND. */
  private async onRoll(meeting: MeetingDoc, userId: ObjectId): Promise<RollEntry> {
    const [entry] = await this.roster.rollOf(meeting, [userId]);
    if (!entry) throw new AppError('PARTICIPANT_NOT_FOUND');
    return entry;
  }

  /** Yourself (anyone on the roll) or, with `userId`, someone else (the secretary only). */
  private async subject(access: MeetingAccess, user: UserDoc, userId: string | undefined): Promise<RollEntry> {
    if (!userId || userId === user._id.toHexString()) {
      const self = rollEntry(access.meeting, user);
      if (!self) throw new AppError('FORBIDDEN');
      return self;
    }
    if (access.role !== 'secretary') throw new AppError('FORBIDDEN');
    return this.onRoll(access.meeting, new ObjectId(userId));
  }

  /** One person's entry, from their roll entry and the record just written. */
  private async entryOf(meeting: MeetingDoc, who: RollEntry, doc: AttendanceDoc): Promise<AttendanceEntry> {
    const proxies = await this.proxies.active(meeting._id, [who.userId]);
    return toEntry(who, doc, proxies.find((p) => p.principalId.equals(who.userId)) ?? null, proxies.find((p) => p.holderId.equals(who.userId)) ?? null);
  }

  async setCurrentItem(user: UserDoc, input: SetCurrentItem): Promise<Published> {
    const { meeting } = await this.enter(input.meetingId, user, { roles: ['chair', 'secretary'], statuses: IN_SESSION });
    const itemId = input.itemId ? new ObjectId(input.itemId) : null;
    if (itemId && !(await this.c.agendaItems.findOne({ _id: itemId, meetingId: meeting._id }, { projection: { _id: 1 } }))) throw new AppError('NOT_FOUND');
    const before = await this.settings(meeting._id);
    await this.saveSettings(meeting._id, { currentItemId: itemId, floor: null });
    const seq = await this.record(user, 'live.item', meeting, { itemId: input.itemId, from: before.currentItemId?.toHexString() ?? null }, { meeting: true, speakers: true });
    return { seq };
  }

  async checkIn(user: UserDoc, input: AttendanceRef): Promise<Published & { entry: AttendanceEntry }> {
    const access = await this.enter(input.meetingId, user, { statuses: ATTENDANCE_OPEN });
    const { meeting } = access;
    const who = await this.subject(access, user, input.userId);
    const { changed, doc } = await this.presenceWrite(meeting._id, () => this.attendance.checkIn(meeting._id, who.userId, user._id, Date.now() > meeting.startsAt.getTime()));
    let seq: number | null = null;
    if (changed) {
      // Stored before this look, so a racing proxy grant either is seen here or sees the check-in.
      const revoked = await this.presenceWrite(meeting._id, () => this.proxies.revoke(meeting._id, who.userId, user._id, 'present'));
      const touched = revoked ? [who.userId, revoked.holderId] : [who.userId];
      if (revoked) await this.app.audit.append({ actorId: user._id.toHexString(), action: 'live.proxyRevoked', target: meeting._id.toHexString(), data: { principalId: who.userId.toHexString(), holderId: revoked.holderId.toHexString(), reason: 'present' } });
      seq = await this.record(user, 'live.checkIn', meeting, { userId: who.userId.toHexString(), late: doc.late, at: iso(doc.checkedInAt) }, { attendance: touched, quorum: true });
    }
    return { seq, entry: await this.entryOf(meeting, who, doc) };
  }

  async leave(user: UserDoc, input: AttendanceRef): Promise<Published & { entry: AttendanceEntry }> {
    const access = await this.enter(input.meetingId, user, { statuses: ATTENDANCE_OPEN });
    const who = await this.subject(access, user, input.userId);
    const { changed, doc } = await this.presenceWrite(access.meeting._id, () => this.attendance.leave(access.meeting._id, who.userId, user._id));
    const seq = changed ? await this.record(user, 'live.leave', access.meeting, { userId: who.userId.toHexString(), at: iso(doc.leftAt) }, { attendance: [who.userId], quorum: true }) : null;
    return { seq, entry: await this.entryOf(access.meeting, who, doc) };
  }

  async mark(user: UserDoc, input: MarkAttendance): Promise<Published & { entry: AttendanceEntry }> {
    const { meeting } = await this.enter(input.meetingId, user, { roles: ['secretary'], statuses: ATTENDANCE_OPEN });
    const who = await this.onRoll(meeting, new ObjectId(input.userId));
    const note = clean(input.note ?? '');
    const { changed, doc } = await this.presenceWrite(meeting._id, () => this.attendance.mark(meeting._id, who.userId, user._id, input.status, note));
    const seq = changed ? await this.record(user, 'live.attendance', meeting, { userId: input.userId, status: input.status, note }, { attendance: [who.userId], quorum: true }) : null;
    return { seq, entry: await this.entryOf(meeting, who, doc) };
  }

  async grantProxy(user: UserDoc, input: GrantProxy): Promise<Published> {
    const access = await this.enter(input.meetingId, user, { statuses: ATTENDANCE_OPEN });
    const { meeting } = access;
    const self = !input.principalId || input.principalId === user._id.toHexString();
    if (self ? !isVoting(access.role) : access.role !== 'secretary') throw new AppError('FORBIDDEN');
    const principal = await this.onRoll(meeting, self ? user._id : new ObjectId(input.principalId));
    const holder = await this.onRoll(meeting, new ObjectId(input.holderId));
    if (principal.userId.equals(holder.userId)) throw new AppError('VALIDATION', { '/holderId': 'VALIDATION' });
    if (!principal.votes || !holder.votes) throw new AppError('PROXY_NOT_VOTING');
    const absent = async () => !inRoom(await this.attendance.get(meeting._id, principal.userId));
    if (!(await absent())) throw new AppError('PROXY_PRINCIPAL_PRESENT');
    // A refused grant may have been visible for a moment (inserted, then withdrawn): dropped either way.
    await this.presenceWrite(meeting._id, () => this.proxies.grant(meeting._id, principal, holder, user._id, absent));
    const seq = await this.record(user, 'live.proxyGranted', meeting, { principalId: principal.userId.toHexString(), holderId: holder.userId.toHexString() }, { attendance: [principal.userId, holder.userId] });
    return { seq };
  }

  async revokeProxy(user: UserDoc, input: RevokeProxy): Promise<Published> {
    const access = await this.enter(input.meetingId, user, { statuses: ATTENDANCE_OPEN });
    const { meeting } = access;
    const principalId = input.principalId ? new ObjectId(input.principalId) : user._id;
    const proxy = await this.proxies.givenBy(meeting._id, principalId);
    const mine = principalId.equals(user._id) ? isVoting(access.role) : proxy?.holderId.equals(user._id) === true;
    if (!mine && access.role !== 'secretary') throw new AppError('FORBIDDEN');
    if (!proxy) return { seq: null };
    const revoked = await this.presenceWrite(meeting._id, () => this.proxies.revoke(meeting._id, principalId, user._id, 'revoked'));
    if (!revoked) return { seq: null };
    const seq = await this.record(user, 'live.proxyRevoked', meeting, { principalId: principalId.toHexString(), holderId: revoked.holderId.toHexString(), reason: 'revoked' }, { attendance: [principalId, revoked.holderId] });
    return { seq };
  }

  async setQuorumRule(user: UserDoc, input: SetQuorumRule): Promise<Published & { quorum: Quorum }> {
    const { meeting } = await this.enter(input.meetingId, user, { roles: ['chair', 'secretary'], statuses: RULE_EDITABLE, notInStatus: 'MEETING_NOT_EDITABLE' });
    if (!isSatisfiableRule(input.rule)) throw new AppError('VALIDATION', { '/rule': 'VALIDATION' });
    await this.saveSettings(meeting._id, { quorumRule: input.rule });
    const seq = await this.record(user, 'live.quorumRule', meeting, { rule: input.rule }, { quorum: true });
    return { seq, quorum: await this.quorumOf(meeting) };
  }

  async requestToSpeak(user: UserDoc, input: { meetingId: string }): Promise<Published & { request: SpeakerRequest }> {
    const { meeting } = await this.enter(input.meetingId, user, { statuses: IN_SESSION });
    const self = rollEntry(meeting, user);
    if (!self) throw new AppError('FORBIDDEN');
    const { currentItemId } = await this.settings(meeting._id);
    if (!currentItemId) throw new AppError('SPEAKERS_NO_ITEM');
    const { doc, changed } = await this.speakers.request(meeting._id, currentItemId, self);
    const seq = changed ? await this.record(user, 'live.speakRequested', meeting, { requestId: doc._id.toHexString(), itemId: currentItemId.toHexString() }, { speakers: true }) : null;
    return { seq, request: toRequest(doc) };
  }

  async withdraw(user: UserDoc, input: SpeakerRequestRef): Promise<Published> {
    const access = await this.enter(input.meetingId, user, { statuses: IN_SESSION });
    const doc = await this.speakers.get(access.meeting._id, new ObjectId(input.requestId));
    if (!doc) throw new AppError('NOT_FOUND');
    if (!doc.userId.equals(user._id) && !isOrganiser(access.role)) throw new AppError('FORBIDDEN');
    if (!(await this.speakers.close(doc, 'withdrawn'))) return { seq: null };
    const seq = await this.record(user, 'live.speakWithdrawn', access.meeting, { requestId: input.requestId, userId: doc.userId.toHexString() }, { speakers: true });
    return { seq };
  }

  async reorder(user: UserDoc, input: ReorderSpeakers): Promise<Published> {
    const { meeting } = await this.enter(input.meetingId, user, { roles: ['chair', 'secretary'], statuses: IN_SESSION });
    const { currentItemId } = await this.settings(meeting._id);
    if (!currentItemId) throw new AppError('SPEAKERS_NO_ITEM');
    await this.speakers.reorder(meeting._id, currentItemId, input.requestIds);
    const seq = await this.record(user, 'live.speakersReordered', meeting, { itemId: currentItemId.toHexString(), requestIds: input.requestIds }, { speakers: true });
    return { seq };
  }

  async giveFloor(user: UserDoc, input: GiveFloor): Promise<Published & { floor: Floor }> {
    const { meeting } = await this.enter(input.meetingId, user, { roles: ['chair', 'secretary'], statuses: IN_SESSION });
    const speaker = await this.onRoll(meeting, new ObjectId(input.userId));
    const { currentItemId } = await this.settings(meeting._id);
    const request = currentItemId ? await this.speakers.queuedFor(meeting._id, currentItemId, speaker.userId) : null;
    const floor: NonNullable<LiveSettings['floor']> = { userId: speaker.userId, name: speaker.name, itemId: currentItemId, startedAt: new Date(), durationSec: input.durationSec ?? DEFAULT_SPEAKING_SECONDS };
    await this.saveSettings(meeting._id, { floor });
    if (request) await this.speakers.close(request, 'spoken');
    const seq = await this.record(user, 'live.floorGiven', meeting, { userId: input.userId, durationSec: floor.durationSec, requestId: request?._id.toHexString() ?? null }, { speakers: true });
    return { seq, floor: toFloor(floor) };
  }

  async endFloor(user: UserDoc, input: { meetingId: string }): Promise<Published> {
    const access = await this.enter(input.meetingId, user, { statuses: IN_SESSION });
    const { floor } = await this.settings(access.meeting._id);
    if (!isOrganiser(access.role) && !floor?.userId.equals(user._id)) throw new AppError('FORBIDDEN');
    if (!floor) return { seq: null };
    // Guarded on the floor it ends, so a speaker ending late does not cut off the next one.
    await this.c.liveMeetings.updateOne({ _id: access.meeting._id, 'floor.userId': floor.userId, 'floor.startedAt': floor.startedAt }, { $set: { floor: null, updatedAt: new Date() } });
    const seq = await this.record(user, 'live.floorEnded', access.meeting, { userId: floor.userId.toHexString() }, { speakers: true });
    return { seq };
  }
}

function toEntry(r: RollEntry, doc: AttendanceDoc | null, given: ProxyDoc | null, held: ProxyDoc | null): AttendanceEntry {
  return {
    userId: r.userId.toHexString(),
    name: r.name,
    role: r.role,
    votes: r.votes,
    status: doc?.status ?? 'unknown',
    checkedInAt: iso(doc?.checkedInAt ?? null),
    leftAt: iso(doc?.leftAt ?? null),
    late: doc?.late ?? false,
    note: doc?.note ?? '',
    proxyTo: given ? { userId: given.holderId.toHexString(), name: given.holderName } : null,
    proxyFrom: held ? { userId: held.principalId.toHexString(), name: held.principalName } : null,
  };
}

function toRequest(doc: SpeakerRequestDoc): SpeakerRequest {
  return { id: doc._id.toHexString(), userId: doc.userId.toHexString(), name: doc.name, itemId: doc.itemId.toHexString(), requestedAt: doc.requestedAt.toISOString() };
}

function toFloor(floor: NonNullable<LiveSettings['floor']>): Floor {
  return { userId: floor.userId.toHexString(), name: floor.name, itemId: floor.itemId?.toHexString() ?? null, startedAt: floor.startedAt.toISOString(), durationSec: floor.durationSec };
}
