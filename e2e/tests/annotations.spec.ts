import { randomBytes } from 'node:crypto';
import type { APIRequest } from '@playwright/test';
import { test, expect, type Session } from '../fixtures.ts';
import { AnnotatedViewer, ANNOTATION_TEXT } from '../pages/AnnotatedViewer.ts';
import { LoginPage } from '../pages/LoginPage.ts';
import { DEMO } from '../support/accounts.ts';
import { publishMeeting, type PublishedMeeting } from '../support/meetings.ts';
import { textPdf } from '../support/pdf.ts';

const PAGES = 6;

/** A published meeting tomorrow with a six-page document, for the chair and two delegates. */
async function meetingWithDocument(api: APIRequest, baseURL: string): Promise<PublishedMeeting> {
  const suffix = `${Date.now().toString(36)}-${randomBytes(2).toString('hex')}`;
  return publishMeeting(api, baseURL, {
    title: `Họp ghi chú ${suffix}`,
    attendees: [
      { fullName: DEMO.chair.fullName, role: 'chair' },
      { fullName: DEMO.delegate.fullName, role: 'member' },
      { fullName: DEMO.delegate2.fullName, role: 'member' },
    ],
    file: { name: `tai-lieu-${suffix}.pdf`, pdf: textPdf(Array.from({ length: PAGES }, (_, i) => `Page ${i + 1}`)) },
  });
}

/** Opens the document in a signed-in session's browser and waits until its layers are in sync. */
async function openViewer(session: Session, documentId: string): Promise<AnnotatedViewer> {
  const viewer = new AnnotatedViewer(session.page);
  await viewer.open(documentId);
  return viewer;
}

test.describe('annotating a document', () => {
  // Two or three browsers, a document upload and live sync: more than the default 30 s.
  test.slow();

  test('a shared stroke reaches the other delegate, a private note never does, and both survive a reload', async ({ playwright, baseURL, openSession }) => {
    const { doc, userId } = await meetingWithDocument(playwright.request, baseURL!);
    const aId = userId(DEMO.delegate.fullName);
    const a = await openViewer(await openSession(DEMO.delegate), doc.id);
    const b = await openViewer(await openSession(DEMO.delegate2), doc.id);
    await expect(a.marks(1)).toHaveCount(0);
    await expect(b.marks(1)).toHaveCount(0);

    // A draws on the shared layer: B sees A's stroke live.
    await a.useLayer('shared');
    await a.drawStroke(1, { x: 0.2, y: 0.3 }, { x: 0.6, y: 0.35 });
    await expect(a.marks(1, { layer: 'shared', kind: 'ink', authorId: aId })).toHaveCount(1);
    await expect(b.marks(1, { layer: 'shared', kind: 'ink', authorId: aId })).toHaveCount(1);

    // A writes a note on the private layer (the default for new marks), then a second shared stroke.
    const noteText = `Ghi chú riêng của đại biểu A ${randomBytes(3).toString('hex')}`;
    await a.useLayer('private');
    await a.addNote(1, { x: 0.7, y: 0.6 }, noteText);
    const aNote = a.marks(1, { layer: 'private', kind: 'note', authorId: aId });
    await expect(aNote).toHaveCount(1);
    await a.useLayer('shared');
    await a.drawStroke(1, { x: 0.2, y: 0.7 }, { x: 0.5, y: 0.8 });
    await expect(a.marks(1, { layer: 'shared' })).toHaveCount(2);

    // B has the later shared stroke, so whatever A's layers sent has arrived: the note is not there.
    await expect(b.marks(1, { layer: 'shared', authorId: aId })).toHaveCount(2);
    await expect(b.marks(1)).toHaveCount(2);
    await expect(b.marks(1, { layer: 'private' })).toHaveCount(0);
    await expect(b.marks(1, { kind: 'note' })).toHaveCount(0);
    await expect(b.page.getByText(noteText)).toHaveCount(0);

    // A's note opens with its text for A.
    const opened = await a.openNote(aNote);
    await expect(a.noteText(opened)).toHaveValue(noteText);
    await a.closeNote(opened);

    // After a reload, each finds what they had: A the note and both strokes, B only the strokes.
    await a.reload();
    await b.reload();
    await expect(a.marks(1, { layer: 'shared', kind: 'ink', authorId: aId })).toHaveCount(2);
    await expect(aNote).toHaveCount(1);
    const reopened = await a.openNote(aNote);
    await expect(a.noteText(reopened)).toHaveValue(noteText);
    await a.closeNote(reopened);
    await expect(b.marks(1, { layer: 'shared', kind: 'ink', authorId: aId })).toHaveCount(2);
    await expect(b.marks(1)).toHaveCount(2);
    await expect(b.page.getByText(noteText)).toHaveCount(0);
  });

  test('a stroke drawn offline stays on the device and reaches the other delegate once back online', async ({ playwright, baseURL, openSession }) => {
    const { doc, userId } = await meetingWithDocument(playwright.request, baseURL!);
    const aId = userId(DEMO.delegate.fullName);
    const aSession = await openSession(DEMO.delegate);
    const a = await openViewer(aSession, doc.id);
    const b = await openViewer(await openSession(DEMO.delegate2), doc.id);
    await a.useLayer('shared');

    // The Wi-Fi drops: the layers say so, and what A draws now is kept on this device only.
    await aSession.context.setOffline(true);
    await expect(a.syncStatus).toContainText(ANNOTATION_TEXT.offline);
    await a.drawStroke(1, { x: 0.25, y: 0.4 }, { x: 0.65, y: 0.5 });
    await expect(a.marks(1, { layer: 'shared', kind: 'ink', authorId: aId })).toHaveCount(1);
    await expect(a.onlyLocal).toBeVisible();
    await expect(a.onlyLocal).toHaveText(ANNOTATION_TEXT.onlyLocal);
    // Nothing can have left A's device: B has no mark.
    await expect(b.marks(1)).toHaveCount(0);

    // Back online: A's layers resync, the flag goes, and the stroke reaches B.
    await aSession.context.setOffline(false);
    await expect(a.onlyLocal).toBeHidden();
    await expect(a.syncStatus).toHaveText(ANNOTATION_TEXT.synced);
    await expect(b.marks(1, { layer: 'shared', kind: 'ink', authorId: aId })).toHaveCount(1);
  });

  test('logging out from an open document closes its layers and deletes them from the device', async ({ playwright, baseURL, openSession }) => {
    const { doc } = await meetingWithDocument(playwright.request, baseURL!);
    const session = await openSession(DEMO.delegate);
    const a = await openViewer(session, doc.id);
    await a.drawStroke(1, { x: 0.3, y: 0.3 }, { x: 0.6, y: 0.6 });
    await expect(a.marks(1, { layer: 'private' })).toHaveCount(1);
    const errors: Error[] = [];
    session.page.on('pageerror', (error) => errors.push(error));
    // y-indexeddb names each local database after its collab doc: `ann:<meeting>:<version>:…`.
    const localLayers = () => session.page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name ?? '').filter((name) => name.startsWith('ann:')));
    expect(await localLayers()).toHaveLength(2);

    await session.shell.signOut();
    await expect(new LoginPage(session.page).heading).toBeVisible();
    expect(await localLayers()).toEqual([]);
    expect(errors).toEqual([]);
  });
});

test('a delegate following the presenter moves with the presenter’s page until they stop following', async ({ playwright, baseURL, openSession }) => {
  test.slow();
  const { doc } = await meetingWithDocument(playwright.request, baseURL!);
  const chair = await openViewer(await openSession(DEMO.chair), doc.id);
  const b = await openViewer(await openSession(DEMO.delegate2), doc.id);
  await expect(b.presentSwitch).toHaveCount(0);
  await expect(b.presenterLine).toHaveText(ANNOTATION_TEXT.nobody);

  // The chair presents, and goes to page 3; B sees where the chair is.
  await chair.presentSwitch.check();
  await expect(chair.presentSwitch).toBeChecked();
  await chair.goToPage(3);
  await expect(chair.presenterLine).toHaveText(ANNOTATION_TEXT.youPresent(3));
  await expect(b.presenterLine).toHaveText(ANNOTATION_TEXT.presenting(DEMO.chair.fullName, 3));
  await b.expectOnPage(1);

  // B follows: catches up to page 3 at once, then moves along with the chair.
  await b.followSwitch.check();
  await b.expectOnPage(3);
  await chair.goToPage(2);
  await b.expectOnPage(2);

  // B stops following: the chair's next page is announced to B, but B stays where it is.
  await b.followSwitch.uncheck();
  await chair.goToPage(4);
  await expect(b.presenterLine).toHaveText(ANNOTATION_TEXT.presenting(DEMO.chair.fullName, 4));
  await b.expectOnPage(2);

  // Following again catches up.
  await b.followSwitch.check();
  await b.expectOnPage(4);
});
