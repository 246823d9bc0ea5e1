import type { FastifyInstance } from 'fastify';
import {
  CastBallotSchema,
  ErrorCode,
  OpenPollSchema,
  PollRefSchema,
  compileValidator,
  errorMessage,
  type Ack,
  type BallotAccepted,
  type BallotRefused,
  type CastBallot,
  type OpenPoll,
  type PollRef,
  type Validated,
} from '@e-cabinet/protocol';
import type { UserDoc } from '../db/collections.ts';
import type { AsUser } from '../live/live-socket.ts';
import type { IoSocket } from '../realtime/socket-server.ts';
import type { PollChanged } from './open-poll.ts';
import { PollRefusal, type RefusalDetails } from './poll-refusal.ts';

const checkOpen = compileValidator(OpenPollSchema);
const checkRef = compileValidator(PollRefSchema);
const checkBallot = compileValidator(CastBallotSchema);

type Listener = (payload: unknown, ack: unknown) => void;

/**
 * One command: validate, then run for the socket's user through the shared `asUser` wrapper. A
 * `PollRefusal`'s details (why a ballot is invalid, the ballot already cast) ride along on the
 * refusal. Nothing here logs a payload: a ballot's choice and key never reach the log.
 */
function command<I, T extends object>(socket: IoSocket, asUser: AsUser, check: (input: unknown) => Validated<I>, run: (user: UserDoc, input: I) => Promise<T>): Listener {
  return (payload, ack) => {
    if (typeof ack !== 'function') return;
    const reply = ack as (res: Ack<T> | BallotRefused) => void;
    const checked = check(payload);
    if (!checked.ok) return reply({ ok: false, code: ErrorCode.VALIDATION, message: errorMessage(ErrorCode.VALIDATION, socket.data.locale) });
    let details: RefusalDetails = {};
    void asUser<T>(
      (res) => reply(res.ok ? res : { ...res, ...details }),
      async (user) => {
        try {
          return await run(user, checked.value);
        } catch (err) {
          if (err instanceof PollRefusal) details = err.details;
          throw err;
        }
      },
    );
  };
}

/** Registers `poll:open`, `poll:close` and `poll:vote` on a connected socket. */
export function registerPollCommands(app: FastifyInstance, socket: IoSocket, asUser: AsUser): void {
  const on = socket.on.bind(socket) as unknown as (event: string, listener: Listener) => void;
  on('poll:open', command<OpenPoll, PollChanged>(socket, asUser, checkOpen, (user, input) => app.polls.openPoll(user, input)));
  on('poll:close', command<PollRef, PollChanged>(socket, asUser, checkRef, (user, input) => app.polls.closePoll(user, input.pollId)));
  on('poll:vote', command<CastBallot, BallotAccepted>(socket, asUser, checkBallot, (user, input) => app.polls.vote(user, input)));
}
