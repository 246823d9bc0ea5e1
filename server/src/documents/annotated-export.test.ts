import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ObjectId } from 'mongodb';
import * as Y from 'yjs';
import { addShape, createShapeId, listShapes, type InkShape, type NoteShape, type Shape } from '@e-cabinet/annotations';
import { docNames } from '@e-cabinet/protocol';
import { makeUnit, once, upload, type MeetingCast, type TestApp } from '../../test/helper.ts';
import { makePdf, pdfText } from '../../test/files.ts';
import { clientPool, collabMeeting, connectCollab, type CollabClient } from '../../test/collab-client.ts';

// makePdf pages are A4 portrait: at 72 dpi one PDF unit is one pixel, y flipped.
const PAGE_H = 842;
const NOTE_TEXT = 'Đề nghị bổ sung số liệu quý IV';
const CHAIR_NOTE = 'Ghi chú riêng của chủ trì';

let app: TestApp;
let baseUrl: string;
let cast: MeetingCast;
const clients = clientPool();

beforeAll(async () => {
  ({ app, baseUrl, cast } = await collabMeeting());
});
afterAll(() => app.teardown());

const ink = (user: { _id: ObjectId; fullName: string }, o: Partial<InkShape> = {}): InkShape => ({
  id: createShapeId(),
  kind: 'ink',
  page: 1,
  authorId: user._id.toHexString(),
  authorName: user.fullName,
  createdAt: Date.now(),
  color: '#ff0000',
  width: 12,
  points: [
    [100, 400, 0.5],
    [300, 400, 0.5],
    [500, 400, 0.5],
  ],
  ...o,
});

const note = (user: { _id: ObjectId; fullName: string }, text: string, at: [number, number] = [80, 650]): NoteShape => ({
  id: createShapeId(),
  kind: 'note',
  page: 1,
  authorId: user._id.toHexString(),
  authorName: user.fullName,
  createdAt: Date.now(),
  color: '#fbc02d',
  at,
  text,
});

/** Uploads a fresh document to the meeting and returns its id and current version id. */
async function newDocument(filename = 'Tờ trình số 12.pdf'): Promise<{ id: string; versionId: string }> {
  const res = await upload(app, cast.secretary.cookie, cast.meetingId, cast.itemId, await makePdf(2), filename);
  expect(res.statusCode).toBe(201);
  return { id: res.json().id, versionId: res.json().current.id };
}

/** Writes shapes straight through the store, as the collab endpoint stores a client's update. */
async function storeShapes(docName: string, shapes: Shape[]): Promise<void> {
  const doc = new Y.Doc();
  for (const s of shapes) addShape(doc, s);
  await app.collab.store.append(docName, [Y.encodeStateAsUpdate(doc)]);
  doc.destroy();
}

/** Resolves once the stored records of the doc satisfy `check`, re-reading after each store (no timers). */
async function storedUntil(docName: string, check: (shapes: Shape[]) => boolean): Promise<void> {
  for (;;) {
    const next = once(app.collab, 'stored');
    const doc = await app.collab.store.read(docName);
    const ok = check(listShapes(doc));
    doc.destroy();
    if (ok) return;
    await next;
  }
}

async function join(docName: string, cookie: string): Promise<CollabClient> {
  const client = clients.add(connectCollab(baseUrl, docName, cookie));
  await client.synced;
  return client;
}

const exportAs = (cookie: string, documentId: string, query = '') => app.inject({ url: `/api/documents/${documentId}/annotated${query}`, headers: { cookie } });
const patch = (documentId: string, payload: Record<string, unknown>) => app.inject({ method: 'PATCH', url: `/api/documents/${documentId}`, headers: { cookie: cast.secretary.cookie }, payload });

interface Raster {
  at(x: number, y: number): [number, number, number];
}

/** Page 1 rendered by poppler at 72 dpi (binary PPM), read at PDF coordinates. */
function renderPage1(pdf: Buffer): Raster {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecab-export-'));
  try {
    fs.writeFileSync(path.join(dir, 'in.pdf'), pdf);
    execFileSync('pdftoppm', ['-r', '72', '-f', '1', '-l', '1', '-singlefile', path.join(dir, 'in.pdf'), path.join(dir, 'page')]);
    const ppm = fs.readFileSync(path.join(dir, 'page.ppm'));
    // Header: "P6\n<w> <h>\n255\n", then RGB triples row by row from the top.
    const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 40).toString('latin1'));
    if (!header) throw new Error('unexpected pdftoppm output');
    const width = Number(header[1]);
    const data = ppm.subarray(header[0].length);
    return {
      at(x, y) {
        const o = ((PAGE_H - Math.round(y)) * width + Math.round(x)) * 3;
        return [data[o]!, data[o + 1]!, data[o + 2]!];
      },
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const isRed = ([r, g, b]: number[]) => r! > 180 && g! < 80 && b! < 80;
const isWhite = ([r, g, b]: number[]) => r! > 245 && g! > 245 && b! > 245;

describe('annotated copy', () => {
  it('burns a shared stroke and a private note drawn over /collab into the PDF, in place', async () => {
    const doc = await newDocument();
    const shared = docNames.annShared(cast.meetingId, doc.versionId);
    const mine = docNames.annPrivate(cast.meetingId, doc.versionId, cast.member.user._id.toHexString());
    const stroke = ink(cast.chair.user);
    const chairDrawing = await join(shared, cast.chair.cookie);
    addShape(chairDrawing.doc, stroke);
    const myNotes = await join(mine, cast.member.cookie);
    addShape(myNotes.doc, note(cast.member.user, NOTE_TEXT));
    await storedUntil(shared, (s) => s.some((x) => x.id === stroke.id));
    await storedUntil(mine, (s) => s.length === 1);

    const res = await exportAs(cast.member.cookie, doc.id);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="To trinh so 12 (ghi chu).pdf"; filename*=UTF-8''T%E1%BB%9D%20tr%C3%ACnh%20s%E1%BB%91%2012%20%28ghi%20ch%C3%BA%29.pdf`);
    expect(res.headers['cache-control']).toBe('private, no-store');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');

    const page = renderPage1(res.rawPayload);
    for (const x of [110, 300, 490]) expect(isRed(page.at(x, 400)), `stroke at x=${x}`).toBe(true);
    expect(isWhite(page.at(300, 420))).toBe(true); // just past the stroke's edge
    expect(isWhite(page.at(300, 200))).toBe(true); // blank paper
    // The note's yellow icon sits at its anchor.
    const [r, g, b] = page.at(80, 650);
    expect(r > 200 && g > 150 && b < 100).toBe(true);
    const text = pdfText(res.rawPayload);
    expect(text).toContain(NOTE_TEXT);
    expect(text).toContain('Page 1'); // the document itself is still there
    expect(text).not.toMatch(/\d\d:\d\d \d\d\/\d\d\/\d{4}/); // not confidential: no watermark

    const [entry] = await app.audit.list({ limit: 1, action: 'document.exported' });
    expect(entry).toMatchObject({ actorId: cast.member.user._id.toHexString(), target: doc.id, data: { layers: ['shared', 'private'], version: 1, watermarked: false } });
  });

  it("takes only the layers asked for, and never anyone else's private notes", async () => {
    const doc = await newDocument();
    await storeShapes(docNames.annShared(cast.meetingId, doc.versionId), [ink(cast.chair.user)]);
    await storeShapes(docNames.annPrivate(cast.meetingId, doc.versionId, cast.member.user._id.toHexString()), [note(cast.member.user, NOTE_TEXT)]);
    await storeShapes(docNames.annPrivate(cast.meetingId, doc.versionId, cast.chair.user._id.toHexString()), [note(cast.chair.user, CHAIR_NOTE, [400, 700])]);

    const both = pdfText((await exportAs(cast.member.cookie, doc.id, '?layers=private,shared')).rawPayload);
    expect(both).toContain(NOTE_TEXT);
    expect(both).not.toContain(CHAIR_NOTE);

    const sharedOnly = await exportAs(cast.member.cookie, doc.id, '?layers=shared');
    expect(sharedOnly.statusCode).toBe(200);
    expect(pdfText(sharedOnly.rawPayload)).not.toContain(NOTE_TEXT);
    expect(isRed(renderPage1(sharedOnly.rawPayload).at(300, 400))).toBe(true);

    const privateOnly = await exportAs(cast.member.cookie, doc.id, '?layers=private');
    expect(pdfText(privateOnly.rawPayload)).toContain(NOTE_TEXT);
    expect(isWhite(renderPage1(privateOnly.rawPayload).at(300, 400))).toBe(true);

    // The chair's note is really there: the chair's own copy has it, and not the member's.
    const chairs = pdfText((await exportAs(cast.chair.cookie, doc.id)).rawPayload);
    expect(chairs).toContain(CHAIR_NOTE);
    expect(chairs).not.toContain(NOTE_TEXT);
  });

  it('exports the version asked for, with that version’s marks', async () => {
    const doc = await newDocument();
    await storeShapes(docNames.annShared(cast.meetingId, doc.versionId), [note(cast.chair.user, 'Chỉ có ở bản 1')]);
    const v2 = await app.inject({ method: 'POST', url: `/api/documents/${doc.id}/versions?filename=v2.pdf`, headers: { cookie: cast.secretary.cookie, 'content-type': 'application/octet-stream' }, payload: await makePdf(3) });
    expect(v2.statusCode).toBe(201);
    expect(pdfText((await exportAs(cast.member.cookie, doc.id, '?version=1')).rawPayload)).toContain('Chỉ có ở bản 1');
    const current = pdfText((await exportAs(cast.member.cookie, doc.id)).rawPayload);
    expect(current).not.toContain('Chỉ có ở bản 1');
    expect(current).toContain('Page 3');
    expect((await exportAs(cast.member.cookie, doc.id, '?version=3')).statusCode).toBe(404);
  });

  it('watermarks a confidential document that allows downloads with the reader, unit and Viet Nam time', async () => {
    const doc = await newDocument();
    const unit = await makeUnit(app, { name: 'Sở Kế hoạch và Đầu tư' });
    await app.db.collection('users').updateOne({ _id: cast.invitee.user._id }, { $set: { fullName: 'Trần Thị Bích Ngọc', unitId: unit._id } });
    await storeShapes(docNames.annPrivate(cast.meetingId, doc.versionId, cast.invitee.user._id.toHexString()), [note(cast.invitee.user, NOTE_TEXT)]);

    const made = await patch(doc.id, { confidential: true });
    expect(made.json()).toMatchObject({ confidential: true, allowDownload: false });
    const refused = await exportAs(cast.invitee.cookie, doc.id);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('DOWNLOAD_DISABLED');

    expect((await patch(doc.id, { allowDownload: true })).json()).toMatchObject({ confidential: true, allowDownload: true });
    const before = Date.now();
    const res = await exportAs(cast.invitee.cookie, doc.id);
    const after = Date.now();
    expect(res.statusCode).toBe(200);
    const text = pdfText(res.rawPayload);
    expect(text).toContain(NOTE_TEXT);
    // Asia/Ho_Chi_Minh is UTC+7 all year: the time is the request's, shifted by seven hours.
    const ict = (t: number) => {
      const d = new Date(t + 7 * 3600_000);
      const p = (n: number) => String(n).padStart(2, '0');
      return `${p(d.getUTCHours())}:${p(d.getUTCMinutes())} ${p(d.getUTCDate())}/${p(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
    };
    const marks = [...new Set([ict(before), ict(after)])].map((time) => `Trần Thị Bích Ngọc · Sở Kế hoạch và Đầu tư · ${time}`);
    expect(marks.some((m) => text.includes(m)), `${marks.join(' | ')} in:\n${text}`).toBe(true);
    const [entry] = await app.audit.list({ limit: 1, action: 'document.exported' });
    expect(entry?.data).toMatchObject({ watermarked: true });

    // The plain file stays view-only, whatever allowDownload says.
    const headers = { cookie: cast.invitee.cookie };
    expect((await app.inject({ url: `/api/documents/${doc.id}/file`, headers })).statusCode).toBe(200);
    for (const q of ['download=1', 'variant=original']) {
      const plain = await app.inject({ url: `/api/documents/${doc.id}/file?${q}`, headers });
      expect(plain.statusCode, q).toBe(403);
      expect(plain.json().code, q).toBe('DOWNLOAD_DISABLED');
    }
  });

  it('keeps an explicit allowDownload given while making a document confidential', async () => {
    const doc = await newDocument();
    expect((await patch(doc.id, { confidential: true, allowDownload: true })).json()).toMatchObject({ confidential: true, allowDownload: true });
    // Saving again with the flag already set does not reset the choice.
    expect((await patch(doc.id, { confidential: true })).json()).toMatchObject({ allowDownload: true });
    expect((await patch(doc.id, { confidential: false })).json()).toMatchObject({ confidential: false, allowDownload: true });
  });

  it('closes every download of a normal document with allowDownload=false, while viewing still works', async () => {
    const doc = await newDocument();
    const headers = { cookie: cast.member.cookie };
    expect((await app.inject({ url: `/api/documents/${doc.id}/file?download=1`, headers })).statusCode).toBe(200);
    expect((await patch(doc.id, { allowDownload: false })).json()).toMatchObject({ confidential: false, allowDownload: false });
    const listed = (await app.inject({ url: `/api/meetings/${cast.meetingId}/documents`, headers })).json().items.find((d: { id: string }) => d.id === doc.id);
    expect(listed).toMatchObject({ allowDownload: false });

    for (const url of [`/api/documents/${doc.id}/file?download=1`, `/api/documents/${doc.id}/file?download=true`, `/api/documents/${doc.id}/file?variant=original`, `/api/documents/${doc.id}/annotated`]) {
      const res = await app.inject({ url, headers });
      expect(res.statusCode, url).toBe(403);
      expect(res.json().code, url).toBe('DOWNLOAD_DISABLED');
      expect(res.json().message, url).toBe('Tài liệu này không cho phép tải về.');
    }
    const view = await app.inject({ url: `/api/documents/${doc.id}/file`, headers });
    expect(view.statusCode).toBe(200);
    expect(view.headers['content-disposition']).toMatch(/^inline;/);

    await patch(doc.id, { allowDownload: true });
    expect((await app.inject({ url: `/api/documents/${doc.id}/file?download=1`, headers })).statusCode).toBe(200);
  });

  it('reads documents stored before the flag as allowing downloads unless confidential', async () => {
    const doc = await newDocument();
    const _id = new ObjectId(doc.id);
    await app.db.collection('documents').updateOne({ _id }, { $unset: { allowDownload: '' } });
    const get = async () => (await app.inject({ url: `/api/documents/${doc.id}`, headers: { cookie: cast.member.cookie } })).json();
    expect(await get()).toMatchObject({ confidential: false, allowDownload: true });
    expect((await exportAs(cast.member.cookie, doc.id)).statusCode).toBe(200);
    await app.db.collection('documents').updateOne({ _id }, { $set: { confidential: true } });
    expect(await get()).toMatchObject({ confidential: true, allowDownload: false });
    expect((await exportAs(cast.member.cookie, doc.id)).json().code).toBe('DOWNLOAD_DISABLED');
  });

  it('answers 404 to non-participants and to participants the document is not shared with', async () => {
    const doc = await newDocument();
    await storeShapes(docNames.annShared(cast.meetingId, doc.versionId), [note(cast.chair.user, 'Bí mật')]);
    const outsider = await exportAs(cast.outsider.cookie, doc.id);
    expect(outsider.statusCode).toBe(404);
    expect(outsider.json().code).toBe('NOT_FOUND');
    expect((await exportAs(cast.outsider.cookie, new ObjectId().toHexString())).statusCode).toBe(404);

    await patch(doc.id, { access: 'selected', allowedUserIds: [cast.member.user._id.toHexString()] });
    expect((await exportAs(cast.invitee.cookie, doc.id)).statusCode).toBe(404);
    expect((await exportAs(cast.member.cookie, doc.id)).statusCode).toBe(200);
    // Only the export that happened is logged.
    const logged = (await app.audit.list({ limit: 100, action: 'document.exported' })).filter((e) => e.target === doc.id);
    expect(logged.map((e) => e.actorId)).toEqual([cast.member.user._id.toHexString()]);
  });

  it('refuses malformed queries with VALIDATION', async () => {
    const doc = await newDocument();
    for (const q of ['?layers=', '?layers=public', '?layers=private,', '?layers=private,shared,private', '?layers=PRIVATE', '?version=0', '?version=abc', '?version=1.5', '?format=png']) {
      const res = await exportAs(cast.member.cookie, doc.id, q);
      expect(res.statusCode, q).toBe(400);
      expect(res.json().code, q).toBe('VALIDATION');
    }
    expect((await app.inject({ url: '/api/documents/not-an-id/annotated', headers: { cookie: cast.member.cookie } })).statusCode).toBe(400);
    expect((await app.inject({ url: `/api/documents/${doc.id}/annotated` })).statusCode).toBe(401);
    expect((await app.inject({ method: 'HEAD', url: `/api/documents/${doc.id}/annotated`, headers: { cookie: cast.member.cookie } })).statusCode).toBe(404);
  });
});
