import type { FastifyInstance } from 'fastify';
import { ObjectId } from 'mongodb';
import {
  AttendanceRefSchema,
  ErrorCode,
  GiveFloorSchema,
  GrantProxySchema,
  MarkAttendanceSchema,
  MeetingRefSchema,
  ReorderSpeakersSchema,
  RevokeProxySchema,
  SetCurrentItemSchema,
  SetQuorumRuleSchema,
  SpeakerRequestRefSchema,
  compileValidator,
  errorMessage,
  rooms,
  type Ack,
  type ClientToServerEvents,
  type Locale,
  type Validated,
} from '@e-cabinet/protocol';
import type { UserDoc } from '../db/collections.ts';
import type { IoSocket } from '../realtime/socket-server.ts';

type LiveCommand = Extract<keyof ClientToServerEvents, `live:${string}`>;
type Payload<E extends LiveCommand> = Parameters<ClientToServerEvents[E]>[0];
type Reply<E extends LiveCommand> = Parameters<ClientToServerEvents[E]>[1];
type Result<E extends LiveCommand> = Reply<E> extends (res: Ack<infer T>) => void ? T : never;

/** The socket server's wrapper: runs a command for the socket's active user and answers every outcome. */
export type AsUser = <T extends object>(ack: (res: Ack<T>) => void, fn: (user: UserDoc) => Promise<T>) => Promise<void>;

interface Command<E extends LiveCommand> {
  check: (input: unknown, locale: Locale) => Validated<Payload<E>>;
  run: (app: FastifyInstance, user: UserDoc, input: Payload<E>, socket: IoSocket) => Promise<Result<E>>;
}

// Compiled once for every socket.
const commands: { [E in LiveCommand]: Command<E> } = {
  'live:sync': {
    check: compileValidator(MeetingRefSchema),
    run: async (app, user, { meetingId }, socket) => ({
      // Joins before the state is read, so no event falls between the state and the room.
      state: await app.live.state(new ObjectId(meetingId), user, async () => {
        await socket.join(rooms.meeting(meetingId));
      }),
    }),
  },
  'live:item:set': { check: compileValidator(SetCurrentItemSchema), run: (app, user, input) => app.live.setCurrentItem(user, input) },
  'live:attendance:checkIn': { check: compileValidator(AttendanceRefSchema), run: (app, user, input) => app.live.checkIn(user, input) },
  'live:attendance:leave': { check: compileValidator(AttendanceRefSchema), run: (app, user, input) => app.live.leave(user, input) },
  'live:attendance:mark': { check: compileValidator(MarkAttendanceSchema), run: (app, user, input) => app.live.mark(user, input) },
  'live:proxy:grant': { check: compileValidator(GrantProxySchema), run: (app, user, input) => app.live.grantProxy(user, input) },
  'live:proxy:revoke': { check: compileValidator(RevokeProxySchema), run: (app, user, input) => app.live.revokeProxy(user, input) },
  'live:quorum:setRule': { check: compileValidator(SetQuorumRuleSchema), run: (app, user, input) => app.live.setQuorumRule(user, input) },
  'live:speakers:request': { check: compileValidator(MeetingRefSchema), run: (app, user, input) => app.live.requestToSpeak(user, input) },
  'live:speakers:withdraw': { check: compileValidator(SpeakerRequestRefSchema), run: (app, user, input) => app.live.withdraw(user, input) },
  'live:speakers:reorder': { check: compileValidator(ReorderSpeakersSchema), run: (app, user, input) => app.live.reorder(user, input) },
  'live:floor:give': { check: compileValidator(GiveFloorSchema), run: (app, user, input) => app.live.giveFloor(user, input) },
  'live:floor:end': { check: compileValidator(MeetingRefSchema), run: (app, user, input) => app.live.endFloor(user, input) },
};

function register<E extends LiveCommand>(app: FastifyInstance, socket: IoSocket, asUser: AsUser, event: E): void {
  const { check, run } = commands[event];
  const listener = (payload: unknown, ack: unknown) => {
    if (typeof ack !== 'function') return;
    const reply = ack as (res: Ack<Result<E>>) => void;
    const checked = check(payload, socket.data.locale);
    // A malformed payload is refused before anything is read or written.
    if (!checked.ok) return reply({ ok: false, code: ErrorCode.VALIDATION, message: errorMessage(ErrorCode.VALIDATION, socket.data.locale) });
    void asUser(reply, (user) => run(app, user, checked.value, socket));
  };
  // Socket.io's typed `on` cannot follow a generic event name; the table above keeps the types.
  (socket as unknown as { on(event: string, listener: (payload: unknown, ack: unknown) => void): void }).on(event, listener);
}

/** Registers every `live:*` command on a connected socket. */
export function registerLiveCommands(app: FastifyInstance, socket: IoSocket, asUser: AsUser): void {
  for (const event of Object.keys(commands) as LiveCommand[]) register(app, socket, asUser, event);
}
