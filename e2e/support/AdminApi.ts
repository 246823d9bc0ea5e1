import { expect, type APIRequestContext, type APIResponse } from '@playwright/test';
import type { CreateUser, Unit, UnitList, UpdateUser, User } from '@e-cabinet/protocol';
import { makeUser, type Credentials } from './accounts.ts';

/** A user the API created, with the password to sign in as them. */
export type CreatedUser = User & Credentials;

/**
 * The HTTP API, signed in as an administrator, for arranging test data quickly (creating users,
 * deactivating them) without clicking through the UI. Its cookie jar is its own: it never
 * signs a browser page in or out.
 */
export class AdminApi {
  constructor(private readonly request: APIRequestContext) {}

  /** Signs the request context in; throws with the server's answer when that fails. */
  static async signIn(request: APIRequestContext, credentials: Credentials): Promise<AdminApi> {
    await login(request, credentials);
    return new AdminApi(request);
  }

  /** Creates a user with unique data; `overrides` pin what the test cares about. */
  async createUser(overrides: Partial<CreateUser> = {}): Promise<CreatedUser> {
    const input = makeUser(overrides);
    const user = await json<User>(await this.request.post('/api/users', { data: input }), 201);
    return { ...user, password: input.password };
  }

  async updateUser(id: string, changes: UpdateUser): Promise<User> {
    return json<User>(await this.request.patch(`/api/users/${id}`, { data: changes }), 200);
  }

  async units(): Promise<Unit[]> {
    return (await json<UnitList>(await this.request.get('/api/units'), 200)).items;
  }

  /** The active unit with this exact name (the demo data has several). */
  async unitNamed(name: string): Promise<Unit> {
    const unit = (await this.units()).find((u) => u.name === name && u.active);
    if (!unit) throw new Error(`no active unit named "${name}"`);
    return unit;
  }
}

/** POST /api/auth/login on any request context; its cookies then carry the session. */
export async function login(request: APIRequestContext, { username, password }: Credentials): Promise<User> {
  const res = await request.post('/api/auth/login', { data: { username, password } });
  return (await json<{ user: User }>(res, 200)).user;
}

async function json<T>(res: APIResponse, status: number): Promise<T> {
  // The body in the failure message says why (a validation message, a taken username…).
  expect(res.status(), `${res.url()} answered ${res.status()}: ${await res.text()}`).toBe(status);
  return (await res.json()) as T;
}
