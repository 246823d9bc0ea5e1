import { randomBytes } from 'node:crypto';
import type { APIRequest, BrowserContext } from '@playwright/test';
import { test as base, expect } from '../fixtures.ts';
import { LIVE_TEXT, LiveRoom, type MotionChoice } from '../pages/LiveRoom.ts';
import { login } from '../support/AdminApi.ts';
import { DEMO, type Credentials } from '../support/accounts.ts';
import { publishMeeting, type PublishedMeeting } from '../support/meetings.ts';
import { textPdf } from '../support/pdf.ts';
import { startMeetingAsChair } from '../support/polls.ts';

const TABLET = { width: 1024, height: 768 };
const DELEGATES = [DEMO.delegate, DEMO.delegate2, DEMO.delegate3] as const;
const { choices } = LIVE_TEXT.polls;

interface TabletFixtures {
  /** A delegate's 10" touch tablet in landscape: its own context, signed in, in the meeting room. */
  openTablet: (credentials: Credentials, meetingId: string) => Promise<LiveRoom>;
}

const test = base.extend<TabletFixtures>({
  openTablet: async ({ browser, baseURL, locale, timezoneId }, use) => {
    const contexts: BrowserContext[] = [];
    await use(async (credentials, meetingId) => {
      const context = await browser.newContext({ baseURL: baseURL!, viewport: TABLET, hasTouch: true, locale: locale!, timezoneId: timezoneId! });
      contexts.push(context);
      const page = await context.newPage();
      // The page's cookie jar is shared with `page.request`, so an API login signs the page in.
      await login(page.request, credentials);
      const room = new LiveRoom(page, true);
      await room.open(meetingId);
      return room;
    });
    for (const context of contexts) await context.close();
  },
});

/** A published meeting tomorrow for the demo chair (and secretary, its creator) and three delegates. */
async function votingMeeting(api: APIRequest, baseURL: string): Promise<PublishedMeeting> {
  const suffix = `${Date.now().toString(36)}-${randomBytes(2).toString('hex')}`;
  return publishMeeting(api, baseURL, {
    title: `Họp biểu quyết ${suffix}`,
    attendees: [{ fullName: DEMO.chair.fullName, role: 'chair' }, ...DELEGATES.map((d) => ({ fullName: d.fullName, role: 'member' as const }))],
    file: { name: `to-trinh-${suffix}.pdf`, pdf: textPdf(['To trinh']) },
  });
}

/** Every screen shows the same turnout. */
async function expectProgress(rooms: readonly LiveRoom[], question: string, text: string): Promise<void> {
  for (const room of rooms) await expect(room.progress(room.poll(question))).toHaveText(text);
}

test.describe('a vote in the meeting room', () => {
  // Four browsers on two shared cores, a meeting prepared through the API and live updates on
  // every screen: a run takes 25–55 s, more than test.slow()'s 90 s leaves room for under load.
  test.setTimeout(150_000);

  test('delegates vote on tablets in a named poll; everyone sees the progress, the result, the chart and, on opening it, who voted what', async ({ playwright, baseURL, page, signIn, openTablet }) => {
    const { meeting } = await votingMeeting(playwright.request, baseURL!);
    const itemTitle = `Nội dung của ${meeting.title}`;
    await signIn(DEMO.chair);
    const chair = new LiveRoom(page, false);
    await chair.open(meeting.id);
    await chair.startMeeting(itemTitle);

    const delegates: LiveRoom[] = [];
    for (const d of DELEGATES) delegates.push(await openTablet(d, meeting.id));
    const everyone = [chair, ...delegates];
    for (const room of delegates) {
      await expect(room.currentItem).toContainText(itemTitle);
      await room.checkIn();
    }
    // The chair is a voting member but has not checked in: three of four present is a quorum.
    await expect(chair.quorum).toHaveText(LIVE_TEXT.quorumMet);

    const question = `Thông qua tờ trình ${randomBytes(3).toString('hex')}?`;
    const draft = await chair.createMotion(question, { secrecy: 'named', base: 'cast' });
    // A draft is the organisers' own: delegates do not see it yet.
    for (const room of delegates) await expect(room.poll(question)).toHaveCount(0);
    await chair.openPoll(draft);

    for (const room of delegates) await expect(room.status(room.poll(question))).toHaveText(LIVE_TEXT.polls.status.open);
    await expectProgress(everyone, question, '0/3');
    const votes: readonly MotionChoice[] = ['yes', 'yes', 'no'];
    for (const [i, room] of delegates.entries()) {
      await room.vote(room.poll(question), votes[i]!);
      await expectProgress(everyone, question, `${i + 1}/3`);
    }

    await chair.closePoll(chair.poll(question));
    for (const room of everyone) {
      const card = room.poll(question);
      await expect(room.status(card)).toHaveText(LIVE_TEXT.polls.status.closed);
      await expect(room.result(card)).toBeVisible();
      // Two of the three cast is more than half of them.
      await expect(room.result(card).locator('.poll-verdict')).toHaveText(`✓ ${LIVE_TEXT.polls.passed}`);
      const chart = room.chart(card);
      await expect(chart).toBeVisible();
      await expect(chart).toHaveAccessibleName(new RegExp(`${choices.yes}: 2 \\(`));
      await expect(chart).toHaveAccessibleName(new RegExp(`${choices.no}: 1 \\(`));
      await expect(chart).toHaveAccessibleName(new RegExp(`${choices.abstain}: 0 \\(`));

      // The result every screen receives has the counts only: the names come when the list is opened.
      for (const d of DELEGATES) await expect(room.result(card).getByText(d.fullName)).toHaveCount(0);
      const fetched = room.page.waitForResponse((res) => /\/api\/meetings\/[0-9a-f]{24}\/polls\/[0-9a-f]{24}\/voters$/.test(new URL(res.url()).pathname) && res.ok());
      const voters = await room.voters(card, 3);
      await fetched;
      await expect(voters.locator('tbody tr')).toHaveCount(3);
      for (const [i, d] of DELEGATES.entries()) {
        const row = voters.locator('tbody tr').filter({ has: room.page.getByRole('rowheader', { name: d.fullName, exact: true }) });
        await expect(row.getByRole('cell')).toHaveText(choices[votes[i]!]);
      }
    }
  });

  test('in a secret poll each delegate gets a receipt code and finds it marked in the published list', async ({ playwright, baseURL, page, signIn, openTablet }) => {
    const { meeting, doc } = await votingMeeting(playwright.request, baseURL!);
    const question = `Bỏ phiếu kín ${randomBytes(3).toString('hex')}`;
    await startMeetingAsChair(playwright.request, baseURL!, meeting.id, {
      itemId: doc.itemId,
      question,
      definition: { kind: 'yesNoAbstain', secrecy: 'secret', rule: { kind: 'simple' }, base: 'cast' },
    });
    await signIn(DEMO.chair);
    const chair = new LiveRoom(page, false);
    await chair.open(meeting.id);

    const delegates: LiveRoom[] = [];
    for (const d of DELEGATES) {
      const room = await openTablet(d, meeting.id);
      await room.checkIn();
      delegates.push(room);
    }
    await expect(chair.quorum).toHaveText(LIVE_TEXT.quorumMet);
    await chair.openPoll(chair.poll(question));

    const votes: readonly MotionChoice[] = ['no', 'abstain', 'no'];
    const receipts: string[] = [];
    for (const [i, room] of delegates.entries()) {
      const card = room.poll(question);
      await room.vote(card, votes[i]!);
      const receipt = card.getByTestId('ballot-receipt');
      await expect(receipt).toHaveText(/\S{4,}/);
      receipts.push((await receipt.textContent())!.trim());
    }
    expect(new Set(receipts).size, 'every ballot has its own receipt').toBe(3);
    await expectProgress([chair, ...delegates], question, '3/3');

    await chair.closePoll(chair.poll(question));
    for (const [i, room] of delegates.entries()) {
      const card = room.poll(question);
      await expect(room.result(card).locator('.poll-verdict')).toHaveText(`✗ ${LIVE_TEXT.polls.failed}`);
      await expect(room.chart(card)).toHaveAccessibleName(new RegExp(`${choices.no}: 2 \\(`));
      // No names in a secret poll: the bulletin lists receipts, the delegate's own marked and open.
      await expect(room.result(card).getByText(LIVE_TEXT.polls.voters(3))).toHaveCount(0);
      const bulletin = room.result(card).locator('details.poll-bulletin');
      await expect(bulletin).toHaveAttribute('open', '');
      await expect(bulletin.locator('tbody tr')).toHaveCount(3);
      const mine = bulletin.locator('tbody tr[aria-current="true"]');
      await expect(mine).toHaveCount(1);
      await expect(mine.getByRole('rowheader')).toContainText(receipts[i]!);
      await expect(mine.getByRole('rowheader')).toContainText(LIVE_TEXT.polls.mine);
      await expect(mine.getByRole('cell')).toHaveText(choices[votes[i]!]);
      for (const d of DELEGATES) await expect(room.result(card).getByText(d.fullName)).toHaveCount(0);
    }
    await expect(chair.result(chair.poll(question))).toBeVisible();
    await expect(chair.result(chair.poll(question)).locator('details.poll-bulletin tbody tr[aria-current="true"]')).toHaveCount(0);
  });
});
