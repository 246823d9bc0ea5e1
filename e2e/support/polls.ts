import { expect, type APIRequest, type APIResponse } from '@playwright/test';
import type { CreatePoll, Meeting, Poll } from '@e-cabinet/protocol';
import { login } from './AdminApi.ts';
import { DEMO } from './accounts.ts';

async function json<T>(res: APIResponse, status: number): Promise<T> {
  // The body in the failure message says why (a validation message, a state conflict…).
  expect(res.status(), `${res.url()} answered ${res.status()}: ${await res.text()}`).toBe(status);
  return (await res.json()) as T;
}

/**
 * As the demo chair, through the API, quicker than the room's buttons: starts a published
 * meeting and, when `poll` is given, prepares it as a draft. Opening it, which needs the room's
 * quorum, stays with the test. `api` is the test's `playwright.request`.
 */
export async function startMeetingAsChair(api: APIRequest, baseURL: string, meetingId: string, poll?: CreatePoll): Promise<{ meeting: Meeting; poll: Poll | null }> {
  const chair = await api.newContext({ baseURL });
  try {
    await login(chair, DEMO.chair);
    const base = `/api/meetings/${meetingId}`;
    const meeting = await json<Meeting>(await chair.post(`${base}/transitions/start`, { data: {} }), 200);
    const draft = poll ? await json<Poll>(await chair.post(`${base}/polls`, { data: poll }), 201) : null;
    return { meeting, poll: draft };
  } finally {
    await chair.dispose();
  }
}
