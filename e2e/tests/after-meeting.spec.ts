import { randomBytes } from 'node:crypto';
import type { Page } from '@playwright/test';
import { test, expect } from '../fixtures.ts';
import { MeetingPage } from '../pages/MeetingPage.ts';
import { MINUTES_TEXT, MinutesPage } from '../pages/MinutesPage.ts';
import { MeetingTasks, MyTasksPage, TaskDashboardPage, TASK_TEXT } from '../pages/TasksPages.ts';
import { DEMO, type Credentials } from '../support/accounts.ts';
import { dashboardCounts, endedMeeting, vietnamDate } from '../support/ended-meeting.ts';
import { asPdfPhrase, pdfSignatures, pdfText } from '../support/pdf-text.ts';
import { textPdf } from '../support/pdf.ts';

/** Someone in the Department of Health (Sở Y tế), which the test gives the task to; not in the meeting. */
const HEALTH: Credentials = { username: 'yte', password: 'DaiBieu@2026' };
const HEALTH_UNIT = 'Sở Y tế';
const NATIONAL_HEADING = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';

/** The meeting page's words for ending a meeting's life (client/src/i18n/vi-meetings.ts, protocol errors). */
const CLOSING_TEXT = {
  actions: 'Thao tác với cuộc họp',
  close: 'Đóng cuộc họp',
  status: { ended: 'Đã kết thúc', closed: 'Đã đóng' },
  notSigned: 'Biên bản của phiên bản kết luận mới nhất chưa được ký.',
} as const;

/** The status badge in the meeting page's header. */
const meetingStatus = (page: Page) => page.locator('.meeting-header .meeting-status');

test.describe('after the meeting', () => {
  // Three browsers, live drafting, two PDFs rendered and signed in the background: a run takes
  // well over the default 30 s on two shared cores.
  test.setTimeout(180_000);

  test('the secretary drafts the conclusions as the chair watches, the chair approves and signs, the PDFs open, the meeting closes, and the task given from a conclusion is done on time', async ({
    playwright,
    baseURL,
    page,
    signIn,
    openSession,
    adminApi,
  }) => {
    const suffix = `${Date.now().toString(36)}-${randomBytes(2).toString('hex')}`;
    const { meeting } = await endedMeeting(playwright.request, baseURL!, {
      title: `Họp sau cuộc họp ${suffix}`,
      attendees: [
        { fullName: DEMO.chair.fullName, role: 'chair' },
        { fullName: DEMO.delegate.fullName, role: 'member' },
      ],
      file: { name: `to-trinh-${suffix}.pdf`, pdf: textPdf(['To trinh']) },
    });
    const itemTitle = `Nội dung của ${meeting.title}`;
    const healthUnit = await adminApi.unitNamed(HEALTH_UNIT);
    const before = await dashboardCounts(playwright.request, baseURL!, HEALTH, healthUnit.id);

    const opinions = `Phạm Thị Lan: Đề nghị bổ sung số liệu quý ${suffix}`;
    const conclusion = `Giao Sở Y tế hoàn thiện đề án phòng, chống dịch trước ngày 30; báo cáo Ủy ban ${suffix}.`;
    const taskDescription = `Hoàn thiện đề án phòng, chống dịch ${suffix}`;

    // The chair has the minutes open on their own device before anything is written.
    const chairSession = await openSession(DEMO.chair);
    const chair = new MinutesPage(chairSession.page);
    await chair.open(meeting.id);
    const chairItem = chair.item(1, itemTitle);
    await expect(chair.opinions(chairItem)).toHaveValue('');
    await expect(chair.conclusion(chairItem)).toHaveValue('');

    await test.step('the secretary drafts; the chair sees the text arrive live', async () => {
      await signIn(DEMO.secretary);
      const secretaryMeeting = new MeetingPage(page);
      await page.goto(`/meetings/${meeting.id}`);
      await expect(secretaryMeeting.heading(meeting.title)).toBeVisible();
      await page.getByRole('link', { name: MINUTES_TEXT.open, exact: true }).click();
      const secretary = new MinutesPage(page);
      await expect(secretary.heading).toBeVisible();
      await secretary.expectSynced();
      const item = secretary.item(1, itemTitle);
      await secretary.type(secretary.opinions(item), opinions);
      await expect(chair.opinions(chairItem)).toHaveValue(opinions);
      await secretary.type(secretary.conclusion(item), conclusion);
      await expect(chair.conclusion(chairItem)).toHaveValue(conclusion);
    });

    await test.step('the secretary gives a task from the conclusion to the Department of Health', async () => {
      await page.goto(`/meetings/${meeting.id}`);
      const tasks = new MeetingTasks(page);
      const row = await tasks.give(itemTitle, { description: taskDescription, conclusionRef: conclusion, unitId: healthUnit.id, deadline: vietnamDate(7) });
      await expect(row).toContainText(HEALTH_UNIT);
      await expect(row).toContainText(TASK_TEXT.statuses.todo);
    });

    await test.step('closing is refused while the minutes are not signed', async () => {
      const actions = page.getByRole('group', { name: CLOSING_TEXT.actions, exact: true });
      await actions.getByRole('button', { name: CLOSING_TEXT.close, exact: true }).click();
      await expect(page.getByRole('alert').filter({ hasText: CLOSING_TEXT.notSigned })).toBeVisible();
      await expect(meetingStatus(page)).toHaveText(CLOSING_TEXT.status.ended);
    });

    await test.step('the chair approves; the PDFs are generated in the background; the chair signs', async () => {
      await chair.approve(1);
      await chair.expectStatus(1, 'ready');
      await expect(chair.pdfLink(1, 'minutes')).toBeVisible();
      await chair.sign(1);
      await expect(chair.signature(1)).toContainText(DEMO.chair.fullName);
    });

    await test.step('the signed minutes and notice open as PDFs with the Vietnamese text and the conclusion', async () => {
      const minutesPdf = await chair.openPdf(1, 'minutes', 'bien-ban-v1-da-ky.pdf');
      // Signed, and the signature covers the file as served (the development certificate is
      // trusted by nobody, so only the digest is checked, not the issuer).
      expect(await pdfSignatures(minutesPdf)).toContain('Signature is Valid.');
      const minutesText = await pdfText(minutesPdf);
      expect(minutesText).toContain(NATIONAL_HEADING);
      expect(minutesText).toContain(asPdfPhrase(conclusion));
      expect(minutesText).toContain(asPdfPhrase(`Đề nghị bổ sung số liệu quý ${suffix}`));

      const noticeText = await pdfText(await chair.openPdf(1, 'notice', 'thong-bao-ket-luan-v1-da-ky.pdf'));
      expect(noticeText).toContain(NATIONAL_HEADING);
      expect(noticeText).toContain(asPdfPhrase(conclusion));
      // The units given tasks from the meeting receive the notice.
      expect(noticeText).toContain(HEALTH_UNIT);
    });

    await test.step('the secretary closes the meeting; the minutes stay as signed', async () => {
      // A fresh page: the refusal's alert is gone and the buttons are the server's current answer.
      await page.reload();
      const actions = page.getByRole('group', { name: CLOSING_TEXT.actions, exact: true });
      await actions.getByRole('button', { name: CLOSING_TEXT.close, exact: true }).click();
      await expect(meetingStatus(page)).toHaveText(CLOSING_TEXT.status.closed);
      await expect(actions.getByRole('button', { name: CLOSING_TEXT.close, exact: true })).toHaveCount(0);

      const secretary = new MinutesPage(page);
      await secretary.open(meeting.id);
      await expect(secretary.draft.getByText(MINUTES_TEXT.readOnly, { exact: true })).toBeVisible();
      const item = secretary.item(1, itemTitle);
      await expect(secretary.conclusion(item)).toHaveValue(conclusion);
      await expect(secretary.conclusion(item)).toHaveAttribute('readonly', '');
      await expect(secretary.approveButton).toHaveCount(0);
      await expect(secretary.status(1)).toHaveText(MINUTES_TEXT.status.signed);
    });

    await test.step('someone of the Department of Health finds the task in "my tasks" and marks it done', async () => {
      const health = await openSession(HEALTH);
      const mine = new MyTasksPage(health.page);
      await mine.open();
      const row = mine.row(taskDescription);
      await expect(row).toContainText(meeting.title);
      await expect(row).toContainText(TASK_TEXT.statuses.todo);
      await mine.report(taskDescription, 'done');
      // The list shows open tasks by default: the done one leaves it, and is found under "done".
      await expect(row).toHaveCount(0);
      await mine.filter('done');
      await expect(row).toContainText(TASK_TEXT.statuses.done);
      await expect(row).toContainText(TASK_TEXT.onTime);

      const dashboard = new TaskDashboardPage(health.page);
      await dashboard.open();
      await expect(dashboard.unitCells(HEALTH_UNIT)).toHaveText([
        String(before.assigned + 1),
        String(before.doneOnTime + 1),
        String(before.doneLate),
        String(before.overdue),
        String(before.open),
        /%/,
      ]);
    });
  });
});
