import { describe, expectTypeOf, it } from 'vitest';
import type { Static } from 'typebox';
import type {
  MEETING_TRANSITIONS} from './index.ts';
import {
  ErrorCode,
  type Ack,
  type ClientToServerEvents,
  type ServerToClientEvents,
  type User,
  type Role,
  type Meeting,
  type MeetingStatus,
  type MeetingTransition,
  type CreateUserSchema,
} from './index.ts';

describe('protocol types', () => {
  it('event maps name their events', () => {
    expectTypeOf<keyof ServerToClientEvents>().toEqualTypeOf<'session:ended' | 'meeting:published' | 'meeting:changed' | 'notification:new' | 'presenter:state' | 'live:event' | 'poll:opened' | 'poll:progress' | 'poll:tally' | 'poll:result'>();
    expectTypeOf<keyof ClientToServerEvents>().toEqualTypeOf<
      | 'sys:ping'
      | 'meeting:join'
      | 'meeting:leave'
      | 'presenter:update'
      | 'presenter:stop'
      | 'live:sync'
      | 'live:item:set'
      | 'live:attendance:checkIn'
      | 'live:attendance:leave'
      | 'live:attendance:mark'
      | 'live:proxy:grant'
      | 'live:proxy:revoke'
      | 'live:quorum:setRule'
      | 'live:speakers:request'
      | 'live:speakers:withdraw'
      | 'live:speakers:reorder'
      | 'live:floor:give'
      | 'live:floor:end'
      | 'poll:open'
      | 'poll:close'
      | 'poll:vote'
    >();
    expectTypeOf<Parameters<ServerToClientEvents['meeting:changed']>[0]['seq']>().toBeNumber();
    // @ts-expect-error an event that does not exist is a type error
    expectTypeOf<ClientToServerEvents['no:such-event']>().toBeNever();
  });

  it('a refused ballot says why, and an already cast one tells the true state', () => {
    type VoteAck = Parameters<Parameters<ClientToServerEvents['poll:vote']>[1]>[0];
    const ack = { ok: false, code: ErrorCode.ALREADY_VOTED, message: 'x' } as VoteAck;
    if (ack.ok) expectTypeOf(ack.receipt).toEqualTypeOf<string | null>();
    else expectTypeOf(ack.ballot).toEqualTypeOf<{ principalId: string; choice: string[] | null } | undefined>();
  });

  it('acks are a tagged union on ok', () => {
    const ack = { ok: false, code: ErrorCode.FORBIDDEN, message: 'x' } as Ack<{ serverTime: number }>;
    if (ack.ok) expectTypeOf(ack.serverTime).toBeNumber();
    else expectTypeOf(ack.code).toEqualTypeOf<ErrorCode>();
  });

  it('meeting transitions name only real statuses and roles', () => {
    expectTypeOf<(typeof MEETING_TRANSITIONS)['approve']['to']>().toEqualTypeOf<'approved'>();
    expectTypeOf<MeetingTransition>().toEqualTypeOf<'submit' | 'approve' | 'return' | 'publish' | 'start' | 'end' | 'close'>();
    expectTypeOf<Meeting['status']>().toEqualTypeOf<MeetingStatus>();
  });

  it('schemas give static types', () => {
    expectTypeOf<Static<typeof CreateUserSchema>['role']>().toEqualTypeOf<Role>();
    expectTypeOf<User['unitId']>().toEqualTypeOf<string | null>();
    // @ts-expect-error roles are a closed set
    const bad: Role = 'superuser';
    void bad;
  });
});
