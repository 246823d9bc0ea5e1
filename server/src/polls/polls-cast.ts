/**
 * Test fixtures for polls (imported by tests only): preparing polls over HTTP, sockets that
 * collect poll events, and voting helpers on top of the live-meeting fixtures.
 */
import type { BallotAck, CreatePoll, Poll, PollDefinitionInput, PollVoterChoice, ServerToClientEvents } from '@e-cabinet/protocol';
import type { ClientSocket, TestApp } from '../../test/helper.ts';
import type { LiveCast, Person } from '../live/live-cast.ts';
import { newBallotKey } from './ballot-keys.ts';

export const motion = (over: Partial<PollDefinitionInput> = {}): PollDefinitionInput => ({ kind: 'yesNoAbstain', secrecy: 'named', rule: { kind: 'simple' }, base: 'cast', ...over });

export const choice = (options: string[], over: Partial<PollDefinitionInput> = {}): PollDefinitionInput => ({
  kind: 'single',
  secrecy: 'named',
  rule: { kind: 'simple' },
  base: 'cast',
  options: options.map((id) => ({ id, label: `Phương án ${id}` })),
  ...over,
});

/** Prepares a draft over HTTP (by the secretary unless told otherwise). */
export async function createPoll(app: TestApp, cast: LiveCast, definition: PollDefinitionInput, over: Partial<CreatePoll> = {}, who: Person = cast.secretary): Promise<Poll> {
  const payload: CreatePoll = { itemId: cast.itemIds[0]!, question: 'Thông qua Nghị quyết về kế hoạch đầu tư công năm 2026', definition, ...over };
  const res = await app.inject({ method: 'POST', url: `/api/meetings/${cast.meetingId}/polls`, headers: { cookie: who.cookie }, payload });
  if (res.statusCode !== 201) throw new Error(`create poll: ${res.statusCode} ${res.body}`);
  return res.json() as Poll;
}

/** A closed named poll's list of who voted what, as `who` (a participant) reads it over HTTP. */
export async function votersOf(app: TestApp, cast: LiveCast, pollId: string, who: Person = cast.observer): Promise<PollVoterChoice[]> {
  const res = await app.inject({ method: 'GET', url: `/api/meetings/${cast.meetingId}/polls/${pollId}/voters`, headers: { cookie: who.cookie } });
  if (res.statusCode !== 200) throw new Error(`poll voters: ${res.statusCode} ${res.body}`);
  return (res.json() as { voters: PollVoterChoice[] }).voters;
}

type PollEvent = 'poll:opened' | 'poll:progress' | 'poll:tally' | 'poll:result';
type Payload<E extends PollEvent> = Parameters<ServerToClientEvents[E]>[0];

/**
 * Resolves with the first `event` on `socket` that satisfies `test`, counting from now: create
 * it before the action that causes the event.
 */
export function nextEvent<E extends PollEvent>(socket: ClientSocket, event: E, test: (payload: Payload<E>) => boolean = () => true): Promise<Payload<E>> {
  const on = socket.on.bind(socket) as unknown as (event: string, fn: (p: Payload<E>) => void) => void;
  const off = socket.off.bind(socket) as unknown as (event: string, fn: (p: Payload<E>) => void) => void;
  return new Promise((resolve) => {
    const listener = (payload: Payload<E>) => {
      if (!test(payload)) return;
      off(event, listener);
      resolve(payload);
    };
    on(event, listener);
  });
}

/** Every payload of these events the socket receives from now on. */
export function record<E extends PollEvent>(socket: ClientSocket, event: E): Payload<E>[] {
  const seen: Payload<E>[] = [];
  (socket.on.bind(socket) as unknown as (event: string, fn: (p: Payload<E>) => void) => void)(event, (p) => seen.push(p));
  return seen;
}

export interface Vote {
  choice: string[];
  onBehalfOf?: string;
  ballotKey?: string;
}

/** Casts a ballot and waits for its ack. */
export function vote(socket: ClientSocket, pollId: string, v: Vote): Promise<BallotAck> {
  return socket.emitWithAck('poll:vote', { pollId, choice: v.choice, ballotKey: v.ballotKey ?? newBallotKey(), ...(v.onBehalfOf ? { onBehalfOf: v.onBehalfOf } : {}) });
}

export async function openPoll(socket: ClientSocket, pollId: string, over: { override?: boolean; durationSec?: number | null } = {}): Promise<Poll> {
  const res = await socket.emitWithAck('poll:open', { pollId, ...over });
  if (!res.ok) throw new Error(`open poll: ${res.code}`);
  return res.poll;
}

export async function closePoll(socket: ClientSocket, pollId: string): Promise<Poll> {
  const res = await socket.emitWithAck('poll:close', { pollId });
  if (!res.ok) throw new Error(`close poll: ${res.code}`);
  return res.poll;
}

/** Checks people in through the secretary's socket (they need not be connected). */
export async function checkIn(secretary: ClientSocket, meetingId: string, userIds: string[]): Promise<void> {
  for (const userId of userIds) {
    const res = await secretary.emitWithAck('live:attendance:checkIn', { meetingId, userId });
    if (!res.ok) throw new Error(`check-in: ${res.code}`);
  }
}
