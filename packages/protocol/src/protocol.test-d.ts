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
    expectTypeOf<keyof ServerToClientEvents>().toEqualTypeOf<'session:ended' | 'meeting:published' | 'meeting:changed' | 'notification:new' | 'presenter:state'>();
    expectTypeOf<keyof ClientToServerEvents>().toEqualTypeOf<'sys:ping' | 'meeting:join' | 'meeting:leave' | 'presenter:update' | 'presenter:stop'>();
    expectTypeOf<Parameters<ServerToClientEvents['meeting:changed']>[0]['seq']>().toBeNumber();
    // @ts-expect-error an event that does not exist is a type error
    expectTypeOf<ClientToServerEvents['no:such-event']>().toBeNever();
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
