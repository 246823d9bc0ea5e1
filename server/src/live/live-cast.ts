/**
 * Test fixtures for the live meeting (imported by tests only): a published meeting with five
 * voting members besides the chair, sockets that follow its live events, and a reducer that
 * applies events to a state exactly as a client would.
 */
import { ObjectId } from 'mongodb';
import type { LiveEvent, LiveState } from '@e-cabinet/protocol';
import type { UserDoc } from '../db/collections.ts';
import { connectSocket, makeMeeting, makeUnit, makeUser, once, signedIn, type ClientSocket, type MeetingCast, type TestApp } from '../../test/helper.ts';

export interface Person {
  user: UserDoc;
  cookie: string;
  id: string;
}

export interface LiveCast {
  meetingId: string;
  itemIds: string[];
  secretary: Person;
  chair: Person;
  /** Voting members. */
  members: Person[];
  invitee: Person;
  observer: Person;
  outsider: Person;
  /** Voting members taking part through their unit, never signed in (the secretary records them). */
  crowd: UserDoc[];
}

const person = (p: MeetingCast['chair']): Person => ({ ...p, id: p.user._id.toHexString() });

/**
 * A meeting in `published` with two agenda items; the chair starts it with `start`. `crowd`
 * adds that many voting members through a unit.
 */
export async function makeLiveMeeting(app: TestApp, opts: { crowd?: number } = {}): Promise<LiveCast> {
  const cast = await makeMeeting(app);
  const extra = await Promise.all([0, 1, 2, 3].map(() => signedIn(app)));
  const unit = opts.crowd ? await makeUnit(app) : null;
  const crowd: UserDoc[] = [];
  for (let i = 0; i < (opts.crowd ?? 0); i++) crowd.push(await makeUser(app, { unitId: unit!._id.toHexString() }));
  const participants = [
    { userId: cast.chair.user._id.toHexString(), role: 'chair' },
    { userId: cast.member.user._id.toHexString(), role: 'member' },
    ...extra.map((p) => ({ userId: p.user._id.toHexString(), role: 'member' })),
    { userId: cast.invitee.user._id.toHexString(), role: 'invitee' },
    { userId: cast.observer.user._id.toHexString(), role: 'observer' },
    ...(unit ? [{ unitId: unit._id.toHexString(), role: 'member' }] : []),
  ];
  const patched = await app.inject({ method: 'PATCH', url: `/api/meetings/${cast.meetingId}`, headers: { cookie: cast.secretary.cookie }, payload: { participants } });
  if (patched.statusCode !== 200) throw new Error(`participants: ${patched.statusCode} ${patched.body}`);
  const second = await app.inject({ method: 'POST', url: `/api/meetings/${cast.meetingId}/agenda`, headers: { cookie: cast.secretary.cookie }, payload: { title: 'Kế hoạch đầu tư công', durationMinutes: 20 } });
  if (second.statusCode !== 201) throw new Error(`agenda: ${second.statusCode} ${second.body}`);
  await app.db.collection('meetings').updateOne({ _id: new ObjectId(cast.meetingId) }, { $set: { status: 'published' } });
  return {
    meetingId: cast.meetingId,
    itemIds: (second.json().items as { id: string }[]).map((i) => i.id),
    secretary: person(cast.secretary),
    chair: person(cast.chair),
    members: [person(cast.member), ...extra.map(person)],
    invitee: person(cast.invitee),
    observer: person(cast.observer),
    outsider: person(cast.outsider),
    crowd,
  };
}

export async function transition(app: TestApp, cast: LiveCast, name: 'start' | 'end', who: Person = cast.chair): Promise<void> {
  const res = await app.inject({ method: 'POST', url: `/api/meetings/${cast.meetingId}/transitions/${name}`, headers: { cookie: who.cookie } });
  if (res.statusCode !== 200) throw new Error(`${name}: ${res.statusCode} ${res.body}`);
}

/** A connected socket that records every live event it receives. */
export class Client {
  readonly events: LiveEvent[] = [];
  private waiting: { seq: number; resolve: (e: LiveEvent) => void }[] = [];

  private constructor(readonly socket: ClientSocket) {
    socket.on('live:event', (event) => {
      this.events.push(event);
      this.waiting = this.waiting.filter((w) => (w.seq === event.seq ? (w.resolve(event), false) : true));
    });
  }

  static async connect(baseUrl: string, who: Person): Promise<Client> {
    const socket = connectSocket(baseUrl, who.cookie);
    await once(socket, 'connect');
    return new Client(socket);
  }

  /** The event with this seq, whether it came already or comes later. */
  event(seq: number | null): Promise<LiveEvent> {
    if (seq === null) throw new Error('no event was published');
    const seen = this.events.find((e) => e.seq === seq);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve) => this.waiting.push({ seq, resolve }));
  }

  async sync(meetingId: string): Promise<LiveState> {
    const res = await this.socket.emitWithAck('live:sync', { meetingId });
    if (!res.ok) throw new Error(`sync: ${res.code}`);
    return res.state;
  }

  close(): void {
    this.socket.close();
  }
}

/** Applies one event the way a client must: the next seq only. */
export function applyEvent(state: LiveState, event: LiveEvent): LiveState {
  if (event.seq !== state.seq + 1) throw new Error(`gap: at ${state.seq}, got ${event.seq}`);
  const next: LiveState = { ...state, seq: event.seq };
  if (event.status !== undefined) next.status = event.status;
  if (event.currentItemId !== undefined) next.currentItemId = event.currentItemId;
  if (event.attendance) next.attendance = state.attendance.map((a) => event.attendance!.find((e) => e.userId === a.userId) ?? a);
  if (event.quorum) next.quorum = event.quorum;
  if (event.speakers) next.speakers = event.speakers;
  if (event.polls) next.polls = [...state.polls.filter((p) => !event.polls!.some((q) => q.id === p.id)), ...event.polls];
  return next;
}
