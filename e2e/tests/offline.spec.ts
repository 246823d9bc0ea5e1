import { randomBytes } from 'node:crypto';
import type { APIRequestContext, APIResponse, Response } from '@playwright/test';
import type { AgendaItem, Directory, Meeting, MeetingDocument } from '@e-cabinet/protocol';
import { test, expect } from '../fixtures.ts';
import { MEETING_TEXT } from '../pages/MeetingPage.ts';
import { login } from '../support/AdminApi.ts';
import { DEMO, type Credentials } from '../support/accounts.ts';

/** The demo secretary (server/src/seed/demo-data.ts). */
const SECRETARY: Credentials = { username: 'thuky', password: 'ThuKy@2026' };

/** The words of client/src/i18n/vi-offline.ts the test relies on. */
const OFFLINE_TEXT = {
  banner: 'Đang ngoại tuyến — bạn vẫn đọc và ghi chú được; thay đổi sẽ đồng bộ khi có mạng.',
  /** "Đã lưu N/N …": every document of the upcoming meetings is stored. */
  allSaved: /^Đã lưu (\d+)\/\1 tài liệu để đọc ngoại tuyến$/,
  /** Shown after a start without network: what the device holds. */
  stored: /^Có \d+ tài liệu đã lưu để đọc ngoại tuyến$/,
} as const;

const DATA_CACHE_PREFIX = 'ecab-data-';
const PDF_CACHE = 'ecab-data-pdf-v1';

/**
 * A one-page PDF with a correct xref table, padded with an incompressible stream the catalog
 * refers to (so the server's rewrite keeps it): over 128 KB, pdf.js then reads it in 64 KB
 * ranges, which the service worker must answer with 206s from its stored copy.
 */
function paddedPdf(text: string): Buffer {
  const content = `BT /F1 24 Tf 72 720 Td (${text}) Tj ET`;
  const padding = randomBytes(200_000).toString('hex');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R /ECabPadding 6 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Length ${padding.length} >>\nstream\n${padding}\nendstream`,
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

async function json<T>(res: APIResponse, status: number): Promise<T> {
  expect(res.status(), `${res.url()} answered ${res.status()}: ${await res.text()}`).toBe(status);
  return (await res.json()) as T;
}

/** Through the API: the secretary prepares a meeting tomorrow with one PDF, the chair approves, it is published. */
async function publishedMeetingTomorrow(secretary: APIRequestContext, chair: APIRequestContext, suffix: string): Promise<{ meeting: Meeting; doc: MeetingDocument }> {
  const directory = await json<Directory>(await secretary.get('/api/directory'), 200);
  const idOf = (fullName: string) => {
    const user = directory.users.find((u) => u.fullName === fullName);
    if (!user) throw new Error(`no user "${fullName}" in the directory`);
    return user.id;
  };
  const startsAt = new Date(Date.now() + 24 * 3_600_000);
  const meeting = await json<Meeting>(
    await secretary.post('/api/meetings', {
      data: {
        title: `Họp ngoại tuyến ${suffix}`,
        kind: 'regular',
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + 2 * 3_600_000).toISOString(),
        place: 'Phòng họp số 2',
        participants: [
          { userId: idOf(DEMO.chair.fullName), role: 'chair' },
          { userId: idOf(DEMO.delegate.fullName), role: 'member' },
        ],
      },
    }),
    201,
  );
  const { items } = await json<{ items: AgendaItem[] }>(await secretary.post(`/api/meetings/${meeting.id}/agenda`, { data: { title: `Báo cáo ${suffix}`, durationMinutes: 30 } }), 201);
  const doc = await json<MeetingDocument>(
    await secretary.post(`/api/meetings/${meeting.id}/agenda/${items[0]!.id}/documents?filename=${encodeURIComponent(`tai-lieu-${suffix}.pdf`)}`, {
      headers: { 'content-type': 'application/pdf' },
      data: paddedPdf('Offline'),
    }),
    201,
  );
  await json(await secretary.post(`/api/meetings/${meeting.id}/transitions/submit`, { data: {} }), 200);
  await json(await chair.post(`/api/meetings/${meeting.id}/transitions/approve`, { data: {} }), 200);
  await json(await secretary.post(`/api/meetings/${meeting.id}/transitions/publish`, { data: {} }), 200);
  return { meeting, doc };
}

test('a delegate reads an upcoming meeting’s document offline, and logging out wipes it from the device', async ({ page, context, playwright, baseURL, loginPage, shell }) => {
  // A PDF conversion, a service-worker install and a precache: more than the default 30 s.
  test.slow();
  const suffix = `${Date.now().toString(36)}-${randomBytes(2).toString('hex')}`;
  const secretary = await playwright.request.newContext({ baseURL: baseURL! });
  const chair = await playwright.request.newContext({ baseURL: baseURL! });
  await login(secretary, SECRETARY);
  await login(chair, DEMO.chair);
  const { meeting, doc } = await publishedMeetingTomorrow(secretary, chair, suffix);
  await secretary.dispose();
  await chair.dispose();
  expect(doc.current.pdfSize).toBeGreaterThan(2 * 65_536);

  // The delegate logs in; the app stores the upcoming meetings' documents in the background.
  await loginPage.goto();
  await loginPage.signIn(DEMO.delegate);
  await expect(shell.userName(DEMO.delegate.fullName)).toBeVisible();
  await expect(page.getByText(OFFLINE_TEXT.allSaved)).toBeVisible({ timeout: 30_000 });
  const pdfKey = new URL(`/api/documents/${doc.id}/file`, baseURL).href;
  expect(await page.evaluate(async ([key, cacheName]) => (await caches.match(key, { cacheName }))?.headers.get('etag') ?? null, [pdfKey, PDF_CACHE] as const)).toBe(
    `"${doc.current.pdfSha256}"`,
  );

  // Read once online, by the page the worker now controls.
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await page.goto(`/documents/${doc.id}`);
  // The viewer marks itself with the page it has drawn; page 1 is an image named "Trang 1".
  const firstPage = page.getByRole('img', { name: MEETING_TEXT.pageLabel(1), exact: true });
  const pageOneDrawn = page.locator('[data-rendered-page="1"]');
  await expect(pageOneDrawn).toBeVisible();
  await expect(firstPage).toBeVisible();

  // The Wi-Fi drops; the delegate reloads the document: it opens, answered from the stored copy.
  const fileResponses: Response[] = [];
  page.on('response', (res) => {
    if (res.url() === pdfKey) fileResponses.push(res);
  });
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByText(OFFLINE_TEXT.banner)).toBeVisible();
  await expect(page.getByText(OFFLINE_TEXT.stored)).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: doc.title })).toBeVisible();
  await expect(pageOneDrawn).toBeVisible();
  await expect(firstPage).toBeVisible();
  const ranges = fileResponses.filter((res) => res.status() === 206);
  expect(ranges.length, 'pdf.js read the stored copy in byte ranges').toBeGreaterThan(0);
  for (const res of ranges) {
    expect(res.fromServiceWorker()).toBe(true);
    expect(res.headers()['content-range']).toMatch(new RegExp(`^bytes \\d+-\\d+/${doc.current.pdfSize}$`));
  }

  // Back online, with local annotation data as y-indexeddb leaves it (one database per collab doc).
  await context.setOffline(false);
  const localDb = `ann:${meeting.id}:${doc.current.id}:private:${'0'.repeat(24)}`;
  const pendingKey = `ecab:collab-pending:${localDb}`;
  await page.evaluate(
    (name) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onupgradeneeded = () => open.result.createObjectStore('updates', { autoIncrement: true });
        open.onsuccess = () => {
          const db = open.result;
          // As lib0 does: give way when the database is deleted.
          db.onversionchange = () => db.close();
          const tx = db.transaction('updates', 'readwrite');
          tx.objectStore('updates').add(new Uint8Array([1, 2, 3]));
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        };
        open.onerror = () => reject(open.error);
      }),
    localDb,
  );
  await page.evaluate((key) => localStorage.setItem(key, '1'), pendingKey);
  const leftOnDevice = () =>
    page.evaluate(
      async ([prefix, key]) => ({
        caches: (await caches.keys()).filter((name) => name.startsWith(prefix)).sort(),
        databases: (await indexedDB.databases()).map((d) => d.name ?? '').filter((name) => /^(ann|minutes):/.test(name)),
        pending: localStorage.getItem(key),
      }),
      [DATA_CACHE_PREFIX, pendingKey] as const,
    );
  const before = await leftOnDevice();
  expect(before.caches).toEqual(expect.arrayContaining([PDF_CACHE]));
  expect(before.databases).toContain(localDb);
  expect(before.pending).toBe('1');

  // Logging out leaves nothing of the user's behind.
  await shell.signOut();
  await expect(loginPage.heading).toBeVisible();
  expect(await leftOnDevice()).toEqual({ caches: [], databases: [], pending: null });
});
