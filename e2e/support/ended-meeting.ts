import { expect, type APIRequest } from '@playwright/test';
import type { Meeting, TaskDashboard, TaskCounts } from '@e-cabinet/protocol';
import { login } from './AdminApi.ts';
import { DEMO, type Credentials } from './accounts.ts';
import { publishMeeting, type MeetingPlan, type PublishedMeeting } from './meetings.ts';
import { startMeetingAsChair } from './polls.ts';

/**
 * Through the API, quicker than the room's buttons: the meeting is prepared and published
 * (`publishMeeting`), then the demo chair starts it and ends it. What comes after the meeting
 * (minutes, signing, closing, tasks) stays with the test. `api` is the test's `playwright.request`.
 */
export async function endedMeeting(api: APIRequest, baseURL: string, plan: MeetingPlan): Promise<PublishedMeeting> {
  const published = await publishMeeting(api, baseURL, plan);
  await startMeetingAsChair(api, baseURL, published.meeting.id);
  const chair = await api.newContext({ baseURL });
  try {
    await login(chair, DEMO.chair);
    const res = await chair.post(`/api/meetings/${published.meeting.id}/transitions/end`, { data: {} });
    expect(res.status(), `ending the meeting answered ${res.status()}: ${await res.text()}`).toBe(200);
    const meeting = (await res.json()) as Meeting;
    expect(meeting.status).toBe('ended');
    return { ...published, meeting };
  } finally {
    await chair.dispose();
  }
}

/** One unit's row of the task dashboard as `who` sees it (all zeros when the unit has none yet). */
export async function dashboardCounts(api: APIRequest, baseURL: string, who: Credentials, unitId: string): Promise<TaskCounts> {
  const request = await api.newContext({ baseURL });
  try {
    await login(request, who);
    const res = await request.get('/api/tasks/dashboard');
    expect(res.status(), `the dashboard answered ${res.status()}: ${await res.text()}`).toBe(200);
    const row = ((await res.json()) as TaskDashboard).units.find((u) => u.unitId === unitId);
    return row ?? { assigned: 0, doneOnTime: 0, doneLate: 0, overdue: 0, open: 0, onTimeRate: null };
  } finally {
    await request.dispose();
  }
}

/** A `<input type="date">` value: the Vietnam calendar day `days` from now. */
export function vietnamDate(days: number): string {
  return new Date(Date.now() + days * 86_400_000 + 7 * 3_600_000).toISOString().slice(0, 10);
}
