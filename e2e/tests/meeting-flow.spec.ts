import { randomBytes } from 'node:crypto';
import { test, expect } from '../fixtures.ts';
import { MeetingPage } from '../pages/MeetingPage.ts';
import { ViewerPage } from '../pages/ViewerPage.ts';
import { DEMO, type Credentials } from '../support/accounts.ts';

/** The demo secretary (server/src/seed/demo-data.ts). */
const SECRETARY: Credentials = { username: 'thuky', password: 'ThuKy@2026' };

/**
 * A small, valid one-page PDF saying `text`, with a correct xref table: the server checks
 * uploads with `qpdf --check`, which refuses a file it has to repair.
 */
function onePagePdf(text: string): Buffer {
  const content = `BT /F1 24 Tf 72 720 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) pdf += `${String(offset).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

/** A datetime-local value (Vietnam time, UTC+7) `days` from now at `hh:mm`. */
function vietnamDateTime(days: number, time: string): string {
  const day = new Date(Date.now() + days * 86_400_000 + 7 * 3_600_000).toISOString().slice(0, 10);
  return `${day}T${time}`;
}

test('a meeting is prepared, approved and published, and reaches a delegate live with its documents', async ({ page, signIn, openSession }) => {
  // Three people, three contexts and a PDF conversion: more than the default 30 s.
  test.slow();
  const suffix = `${Date.now().toString(36)}-${randomBytes(2).toString('hex')}`;
  const title = `Họp thử nghiệm ${suffix}`;
  const items = [`Báo cáo tài chính ${suffix}`, `Kế hoạch quý tới ${suffix}`];
  const fileName = `bao-cao-${suffix}.pdf`;
  const docTitle = fileName.replace(/\.pdf$/, '');

  // The delegate is already looking at the meetings list on their tablet; it is never reloaded.
  const delegate = await openSession(DEMO.delegate);
  const delegateMeetings = new MeetingPage(delegate.page);
  await delegateMeetings.gotoList();
  await delegate.shell.expectOnline();
  await expect(delegateMeetings.listLink(title)).toHaveCount(0);

  // The secretary prepares the draft: details, participants, agenda and a document.
  await signIn(SECRETARY);
  const secretary = new MeetingPage(page);
  await secretary.gotoList();
  await secretary.create({
    title,
    kind: 'regular',
    startsAt: vietnamDateTime(7, '09:00'),
    endsAt: vietnamDateTime(7, '11:00'),
    place: 'Phòng họp số 1',
    participants: [
      { name: DEMO.chair.fullName, role: 'chair' },
      { name: DEMO.delegate.fullName, role: 'member' },
    ],
  });
  await expect(secretary.status('draft')).toBeVisible();
  await secretary.addAgendaItem(items[0]!, 30);
  await secretary.addAgendaItem(items[1]!, 45);
  await secretary.uploadDocument(items[0]!, { name: fileName, mimeType: 'application/pdf', buffer: onePagePdf('Hello') });
  await secretary.transition('submit').click();
  await expect(secretary.status('submitted')).toBeVisible();

  // The chair finds it in their list and approves it.
  const chair = await openSession(DEMO.chair);
  const chairMeetings = new MeetingPage(chair.page);
  await chairMeetings.gotoList();
  await chairMeetings.listLink(title).click();
  await expect(chairMeetings.heading(title)).toBeVisible();
  await chairMeetings.transition('approve').click();
  await expect(chairMeetings.status('approved')).toBeVisible();

  // The secretary's open page follows the change live and offers to publish.
  await expect(secretary.status('approved')).toBeVisible();
  await secretary.transition('publish').click();
  await expect(secretary.status('published')).toBeVisible();

  // Pushed over the socket: the delegate's list shows the meeting without a reload.
  await expect(delegateMeetings.listLink(title)).toBeVisible();
  await delegateMeetings.listLink(title).click();
  await expect(delegateMeetings.heading(title)).toBeVisible();
  for (const item of items) await expect(delegateMeetings.agendaItem(item)).toBeVisible();

  await delegateMeetings.documentLink(docTitle).click();
  const viewer = new ViewerPage(delegate.page);
  await expect(viewer.pageImage(1)).toBeVisible();
  await viewer.expectDrawn(1);
  // Search ignores case and diacritics and marks the hit in the page's text layer.
  await viewer.search('HÊLLO');
  await expect(viewer.searchStatus).toHaveText('1 / 1');
  await expect(viewer.highlights).toHaveText(['Hello']);
});
