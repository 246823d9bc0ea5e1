import { expect, type APIRequest, type APIRequestContext, type APIResponse } from '@playwright/test';
import type { AgendaItem, Directory, Meeting, MeetingDocument, MeetingRole } from '@e-cabinet/protocol';
import { login } from './AdminApi.ts';
import { DEMO, type Credentials } from './accounts.ts';

/** Someone taking part in a meeting the test prepares. */
export interface Attendee {
  fullName: string;
  role: MeetingRole;
}

export interface PublishedMeeting {
  meeting: Meeting;
  doc: MeetingDocument;
  /** User ids by full name, as the directory lists them. */
  userId: (fullName: string) => string;
}

export interface MeetingPlan {
  title: string;
  attendees: readonly Attendee[];
  /** The agenda item's one document. */
  file: { name: string; pdf: Buffer };
}

async function json<T>(res: APIResponse, status: number): Promise<T> {
  // The body in the failure message says why (a validation message, a state conflict…).
  expect(res.status(), `${res.url()} answered ${res.status()}: ${await res.text()}`).toBe(status);
  return (await res.json()) as T;
}

async function signedIn(api: APIRequest, baseURL: string, who: Credentials): Promise<APIRequestContext> {
  const request = await api.newContext({ baseURL });
  await login(request, who);
  return request;
}

/**
 * Through the API, quicker than the forms: the demo secretary prepares a meeting tomorrow with
 * one agenda item and one PDF, the demo chair approves it, and the secretary publishes it.
 * `api` is the test's `playwright.request`.
 */
export async function publishMeeting(api: APIRequest, baseURL: string, plan: MeetingPlan): Promise<PublishedMeeting> {
  const secretary = await signedIn(api, baseURL, DEMO.secretary);
  const chair = await signedIn(api, baseURL, DEMO.chair);
  try {
    const directory = await json<Directory>(await secretary.get('/api/directory'), 200);
    const userId = (fullName: string) => {
      const user = directory.users.find((u) => u.fullName === fullName);
      if (!user) throw new Error(`no user "${fullName}" in the directory`);
      return user.id;
    };
    const startsAt = new Date(Date.now() + 24 * 3_600_000);
    const meeting = await json<Meeting>(
      await secretary.post('/api/meetings', {
        data: {
          title: plan.title,
          kind: 'regular',
          startsAt: startsAt.toISOString(),
          endsAt: new Date(startsAt.getTime() + 2 * 3_600_000).toISOString(),
          place: 'Phòng họp số 3',
          participants: plan.attendees.map((a) => ({ userId: userId(a.fullName), role: a.role })),
        },
      }),
      201,
    );
    const base = `/api/meetings/${meeting.id}`;
    const { items } = await json<{ items: AgendaItem[] }>(await secretary.post(`${base}/agenda`, { data: { title: `Nội dung của ${plan.title}`, durationMinutes: 30 } }), 201);
    const doc = await json<MeetingDocument>(
      await secretary.post(`${base}/agenda/${items[0]!.id}/documents?filename=${encodeURIComponent(plan.file.name)}`, {
        headers: { 'content-type': 'application/pdf' },
        data: plan.file.pdf,
      }),
      201,
    );
    await json(await secretary.post(`${base}/transitions/submit`, { data: {} }), 200);
    await json(await chair.post(`${base}/transitions/approve`, { data: {} }), 200);
    await json(await secretary.post(`${base}/transitions/publish`, { data: {} }), 200);
    return { meeting, doc, userId };
  } finally {
    await secretary.dispose();
    await chair.dispose();
  }
}
