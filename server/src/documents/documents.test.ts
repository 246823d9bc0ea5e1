import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { buildTestApp, makeMeeting, upload, type MeetingCast, type TestApp } from '../../test/helper.ts';
import { encryptPdf, makeDocx, makePdf, pdfText } from '../../test/files.ts';

let app: TestApp;
let cast: MeetingCast;
let goodPdf: Buffer;
const LIMIT = 256 * 1024;

beforeAll(async () => {
  app = await buildTestApp({ uploadLimitBytes: LIMIT });
  cast = await makeMeeting(app);
  goodPdf = await makePdf(5);
});
afterAll(() => app.teardown());

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const stored = async () => ({
  files: await app.db.collection('files.files').countDocuments(),
  chunks: await app.db.collection('files.chunks').countDocuments(),
  versions: await app.db.collection('documentVersions').countDocuments(),
  documents: await app.db.collection('documents').countDocuments(),
});

describe('upload', () => {
  it('accepts a PDF: records pages and SHA-256, keeps the original and serves a rewritten copy', async () => {
    const res = await upload(app, cast.secretary.cookie, cast.meetingId, cast.itemId, goodPdf, 'Tờ trình số 12.pdf');
    expect(res.statusCode).toBe(201);
    const doc = res.json();
    expect(doc).toMatchObject({ title: 'Tờ trình số 12', access: 'all', confidential: false, versionCount: 1 });
    expect(doc.current).toMatchObject({ version: 1, pageCount: 5, originalSha256: sha(goodPdf), originalSize: goodPdf.length, filename: 'Tờ trình số 12.pdf' });

    const original = await app.inject({ url: `/api/documents/${doc.id}/file?variant=original`, headers: { cookie: cast.member.cookie } });
    expect(original.statusCode).toBe(404); // a draft is invisible to members
    const own = await app.inject({ url: `/api/documents/${doc.id}/file?variant=original`, headers: { cookie: cast.secretary.cookie } });
    expect(sha(own.rawPayload)).toBe(sha(goodPdf));
    const reading = await app.inject({ url: `/api/documents/${doc.id}/file`, headers: { cookie: cast.secretary.cookie } });
    expect(reading.headers['content-type']).toBe('application/pdf');
    expect(sha(reading.rawPayload)).toBe(doc.current.pdfSha256);
    // The reading copy was rewritten with object streams.
    expect(reading.rawPayload.toString('latin1')).toContain('/ObjStm');
  });

  const corpus: [string, () => Promise<Buffer> | Buffer, string, number, string?][] = [
    ['an empty file', () => Buffer.alloc(0), 'FILE_EMPTY', 400],
    ['a PNG renamed .pdf', () => Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.alloc(100)]), 'FILE_TYPE_NOT_ALLOWED', 415],
    ['plain text', () => Buffer.from('Đây không phải là PDF'), 'FILE_TYPE_NOT_ALLOWED', 415],
    ['a PDF cut in half', async () => goodPdf.subarray(0, Math.floor(goodPdf.length / 2)), 'PDF_CORRUPT', 422],
    ['a PDF missing its last bytes', async () => goodPdf.subarray(0, goodPdf.length - 40), 'PDF_CORRUPT', 422],
    ['a PDF header followed by garbage', () => Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(5000, 0x41), Buffer.from('\n%%EOF\n')]), 'PDF_CORRUPT', 422],
    ['a PDF with a damaged body', async () => { const b = Buffer.from(goodPdf); b.fill(0x20, 200, 900); return b; }, 'PDF_CORRUPT', 422],
    ['an encrypted PDF', async () => encryptPdf(goodPdf), 'PDF_ENCRYPTED', 422],
    ['a file over the size limit', async () => makePdf(1, { padBytes: LIMIT + 1000 }), 'FILE_TOO_LARGE', 413],
    ['a zip pretending to be .docx', () => Buffer.concat([Buffer.from('504b0304', 'hex'), Buffer.alloc(300, 1)]), 'CONVERSION_FAILED', 422, 'bao-cao.docx'],
    ['an .exe renamed .docx', () => Buffer.concat([Buffer.from('MZ'), Buffer.alloc(300)]), 'FILE_TYPE_NOT_ALLOWED', 415, 'bao-cao.docx'],
  ];

  for (const [name, make, code, status, filename] of corpus) {
    it(`rejects ${name} with ${code} and stores nothing`, async () => {
      const before = await stored();
      const res = await upload(app, cast.secretary.cookie, cast.meetingId, cast.itemId, await make(), filename ?? 'x.pdf');
      expect(res.statusCode).toBe(status);
      expect(res.json().code).toBe(code);
      expect(res.json().message).toMatch(/\p{L}/u);
      expect(await stored()).toEqual(before);
    });
  }

  it('refuses uploads from anyone but the meeting secretary', async () => {
    for (const who of ['chair', 'outsider'] as const) {
      const res = await upload(app, cast[who].cookie, cast.meetingId, cast.itemId, goodPdf);
      expect(res.statusCode).toBe(who === 'outsider' ? 404 : 403);
    }
  });
});

describe('office documents', () => {
  it('converts a Word file to PDF with LibreOffice and keeps the .docx beside it', async () => {
    const docx = makeDocx('<html><body><h1>Báo cáo tình hình kinh tế</h1><p>Quý IV năm 2026: tăng trưởng ổn định.</p></body></html>');

    const res = await upload(app, cast.secretary.cookie, cast.meetingId, cast.itemId, docx, 'Báo cáo.docx');
    expect(res.statusCode).toBe(201);
    const doc = res.json();
    expect(doc.current).toMatchObject({ originalType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', originalSha256: sha(docx) });
    expect(doc.current.pageCount).toBeGreaterThanOrEqual(1);
    const pdf = await app.inject({ url: `/api/documents/${doc.id}/file`, headers: { cookie: cast.secretary.cookie } });
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdfText(pdf.rawPayload)).toContain('Báo cáo tình hình kinh tế');
    const original = await app.inject({ url: `/api/documents/${doc.id}/file?variant=original`, headers: { cookie: cast.secretary.cookie } });
    expect(sha(original.rawPayload)).toBe(sha(docx));
  }, 120_000);
});

describe('serving', () => {
  let docId: string;
  let full: Buffer;
  beforeAll(async () => {
    docId = (await upload(app, cast.secretary.cookie, cast.meetingId, cast.itemId, await makePdf(20))).json().id;
    full = (await app.inject({ url: `/api/documents/${docId}/file`, headers: { cookie: cast.secretary.cookie } })).rawPayload;
  });
  const get = (headers: Record<string, string>, method: 'GET' | 'HEAD' = 'GET') => app.inject({ method, url: `/api/documents/${docId}/file`, headers: { cookie: cast.secretary.cookie, ...headers } });

  it('answers a range with 206 and exactly those bytes', async () => {
    const res = await get({ range: 'bytes=100-1123' });
    expect(res.statusCode).toBe(206);
    expect(res.headers['content-range']).toBe(`bytes 100-1123/${full.length}`);
    expect(res.headers['content-length']).toBe('1024');
    expect(res.rawPayload.equals(full.subarray(100, 1124))).toBe(true);
  });

  it('handles open-ended and suffix ranges, and refuses impossible ones with 416', async () => {
    const tail = await get({ range: 'bytes=-200' });
    expect(tail.statusCode).toBe(206);
    expect(tail.rawPayload.equals(full.subarray(full.length - 200))).toBe(true);
    const from = await get({ range: `bytes=${full.length - 10}-` });
    expect(from.rawPayload.equals(full.subarray(full.length - 10))).toBe(true);
    const bad = await get({ range: `bytes=${full.length + 5}-` });
    expect(bad.statusCode).toBe(416);
    expect(bad.headers['content-range']).toBe(`bytes */${full.length}`);
  });

  it('sends the headers pdf.js relies on, uncompressed, with a working ETag', async () => {
    const res = await get({ 'accept-encoding': 'gzip, br' }, 'HEAD');
    expect(res.statusCode).toBe(200);
    expect(res.headers['accept-ranges']).toBe('bytes');
    expect(res.headers['content-length']).toBe(String(full.length));
    expect(res.headers['content-encoding'] ?? 'identity').toBe('identity');
    const etag = res.headers.etag as string;
    expect(etag).toMatch(/^"[0-9a-f]{64}"$/);
    expect((await get({ 'if-none-match': etag })).statusCode).toBe(304);
  });
});

describe('versions and access', () => {
  it('replacing creates version 2, keeps version 1, and flags readers of v1', async () => {
    const published = await makeMeeting(app);
    const first = (await upload(app, published.secretary.cookie, published.meetingId, published.itemId, await makePdf(2))).json();
    await app.db.collection('meetings').updateOne({ _id: new (await import('mongodb')).ObjectId(published.meetingId) }, { $set: { status: 'published' } });
    await app.inject({ method: 'POST', url: `/api/documents/${first.id}/open`, headers: { cookie: published.member.cookie } });

    const v2 = await app.inject({ method: 'POST', url: `/api/documents/${first.id}/versions?filename=v2.pdf`, headers: { cookie: published.secretary.cookie, 'content-type': 'application/octet-stream' }, payload: await makePdf(3) });
    expect(v2.statusCode).toBe(201);
    expect(v2.json()).toMatchObject({ versionCount: 2, current: { version: 2, pageCount: 3 } });

    const seen = (await app.inject({ url: `/api/meetings/${published.meetingId}/documents`, headers: { cookie: published.member.cookie } })).json().items[0];
    expect(seen.changedSinceRead).toBe(true);
    const old = await app.inject({ url: `/api/documents/${first.id}/file?version=1`, headers: { cookie: published.member.cookie } });
    expect(old.statusCode).toBe(200);
    const versions = (await app.inject({ url: `/api/documents/${first.id}/versions`, headers: { cookie: published.member.cookie } })).json().items;
    expect(versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);

    const report = (await app.inject({ url: `/api/meetings/${published.meetingId}/reads`, headers: { cookie: published.secretary.cookie } })).json().items[0];
    expect(report.readers).toEqual([expect.objectContaining({ userId: published.member.user._id.toHexString(), version: 1 })]);
    expect(report.notOpened.map((p: { userId: string }) => p.userId)).toContain(published.invitee.user._id.toHexString());
    expect((await app.inject({ url: `/api/meetings/${published.meetingId}/reads`, headers: { cookie: published.member.cookie } })).statusCode).toBe(403);
  });

  it('hides a restricted document from everyone not listed, down to the bytes; confidential means no download', async () => {
    const m = await makeMeeting(app);
    const doc = (await upload(app, m.secretary.cookie, m.meetingId, m.itemId, await makePdf(1))).json();
    const restrict = await app.inject({ method: 'PATCH', url: `/api/documents/${doc.id}`, headers: { cookie: m.secretary.cookie }, payload: { access: 'selected', allowedUserIds: [m.member.user._id.toHexString()], confidential: true } });
    expect(restrict.statusCode).toBe(200);
    await app.db.collection('meetings').updateOne({ _id: new (await import('mongodb')).ObjectId(m.meetingId) }, { $set: { status: 'published' } });

    for (const who of ['invitee', 'observer', 'outsider'] as const) {
      const headers = { cookie: m[who].cookie };
      expect((await app.inject({ url: `/api/documents/${doc.id}`, headers })).statusCode, who).toBe(404);
      expect((await app.inject({ url: `/api/documents/${doc.id}/file`, headers })).statusCode, who).toBe(404);
      expect((await app.inject({ url: `/api/documents/${doc.id}/file`, headers: { ...headers, range: 'bytes=0-10' } })).statusCode, who).toBe(404);
      if (who !== 'outsider') expect((await app.inject({ url: `/api/meetings/${m.meetingId}/documents`, headers })).json().items, who).toEqual([]);
    }
    const member = { cookie: m.member.cookie };
    expect((await app.inject({ url: `/api/documents/${doc.id}/file`, headers: member })).statusCode).toBe(200);
    expect((await app.inject({ url: `/api/documents/${doc.id}/file?download=1`, headers: member })).statusCode).toBe(403);
    expect((await app.inject({ url: `/api/documents/${doc.id}/file?variant=original`, headers: member })).statusCode).toBe(403);
    const listed = (await app.inject({ url: `/api/meetings/${m.meetingId}/documents`, headers: member })).json().items[0];
    expect(listed).toMatchObject({ confidential: true, allowedUserIds: [] });
  });

  it('gives observers no write path', async () => {
    const m = await makeMeeting(app, { status: 'published' });
    const doc = (await upload(app, m.secretary.cookie, m.meetingId, m.itemId, await makePdf(1))).json();
    const headers = { cookie: m.observer.cookie };
    expect((await upload(app, m.observer.cookie, m.meetingId, m.itemId, await makePdf(1))).statusCode).toBe(403);
    expect((await app.inject({ method: 'PATCH', url: `/api/documents/${doc.id}`, headers, payload: { title: 'x' } })).statusCode).toBe(403);
    expect((await app.inject({ method: 'POST', url: `/api/documents/${doc.id}/versions?filename=a.pdf`, headers: { ...headers, 'content-type': 'application/pdf' }, payload: await makePdf(1) })).statusCode).toBe(403);
    expect((await app.inject({ method: 'POST', url: `/api/meetings/${m.meetingId}/agenda`, headers, payload: { title: 'x', durationMinutes: 5 } })).statusCode).toBe(403);
    expect((await app.inject({ method: 'PATCH', url: `/api/meetings/${m.meetingId}`, headers, payload: { title: 'x' } })).statusCode).toBe(403);
  });
});
