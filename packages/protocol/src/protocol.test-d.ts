import { describe, expectTypeOf, it } from 'vitest';
import type { Static } from 'typebox';
import {
  ErrorCode,
  type Ack,
  type ClientToServerEvents,
  type ServerToClientEvents,
  type User,
  type Role,
  type CreateUserSchema,
} from './index.ts';

describe('protocol types', () => {
  it('event maps name their events', () => {
    expectTypeOf<keyof ServerToClientEvents>().toEqualTypeOf<'session:ended'>();
    expectTypeOf<keyof ClientToServerEvents>().toEqualTypeOf<'sys:ping'>();
    // @ts-expect-error an event that does not exist is a type error
    expectTypeOf<ClientToServerEvents['no:such-event']>().toBeNever();
  });

  it('acks are a tagged union on ok', () => {
    const ack = { ok: false, code: ErrorCode.FORBIDDEN, message: 'x' } as Ack<{ serverTime: number }>;
    if (ack.ok) expectTypeOf(ack.serverTime).toBeNumber();
    else expectTypeOf(ack.code).toEqualTypeOf<ErrorCode>();
  });

  it('schemas give static types', () => {
    expectTypeOf<Static<typeof CreateUserSchema>['role']>().toEqualTypeOf<Role>();
    expectTypeOf<User['unitId']>().toEqualTypeOf<string | null>();
    // @ts-expect-error roles are a closed set
    const bad: Role = 'superuser';
    void bad;
  });
});
