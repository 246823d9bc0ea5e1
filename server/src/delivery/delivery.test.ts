import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { ObjectId } from 'mongodb';
import type { Delivery, MeetingDeliveries, ResultPackage } from '@e-cabinet/protocol';
import { buildTestApp, buildTestAppOn, makeMeeting, makeUnit, signedIn, type MeetingCast, type TestApp } from '../../test/helper.ts';
import { makePdf } from '../../test/files.ts';
import { loadConfig } from '../config.ts';
import type { AppError } from '../http/app-error.ts';
import { xmlEscape } from './edxml.ts';

const SECRET = 'khoa-bi-mat-cua-he-thong-qlvb-2026';

interface Received {
  key: string;
  signatureOk: boolean;
  timestamp: string | undefined;
  status: number;
  body: Buffer;
}

/**
 * A document-management system's webhook on loopback: checks the HMAC over the raw body, answers
 * per idempotency key as the test plans (e.g. 503 twice), and keeps exactly one package per key.
 */
async function startReceiver(secret: string) {
  const requests: Received[] = [];
  const accepted = new Map<string, Buffer>();
  const plans = new Map<string, (attempt: number) => number>();
  let conflicts = 0;
  const waiters: { check: () => boolean; resolve: () => void }[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const key = String(req.headers['idempotency-key'] ?? '');
      const expected = Buffer.from(`sha256=${createHmac('sha256', secret).update(body).digest('hex')}`);
      const given = Buffer.from(String(req.headers['x-ecabinet-signature'] ?? ''));
      const signatureOk = given.length === expected.length && timingSafeEqual(given, expected);
      const attempt = requests.filter((r) => r.key === key).length + 1;
      let status = plans.get(key)?.(attempt) ?? 200;
      if (!signatureOk) status = 401;
      else if (status === 200) {
        const before = accepted.get(key);
        if (before && !before.equals(body)) {
          conflicts++;
          status = 409;
        } else if (!before) accepted.set(key, body);
      }
      requests.push({ key, signatureOk, timestamp: req.headers['x-ecabinet-timestamp'] as string | undefined, status, body });
      res.writeHead(status, { 'content-type': 'text/plain' }).end(status === 200 ? 'ok' : 'try later');
      for (const w of [...waiters]) {
        if (w.check()) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve();
        }
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/incoming`,
    requests,
    accepted,
    plans,
    conflicts: () => conflicts,
    of: (key: string) => requests.filter((r) => r.key === key),
    /** Resolves once `check` holds after a request was answered (checked right away, too). */
    when(check: () => boolean): Promise<void> {
      if (check()) return Promise.resolve();
      return new Promise((resolve) => waiters.push({ check, resolve }));
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
type Receiver = Awaited<ReturnType<typeof startReceiver>>;

async function makePackage(app: TestApp, cast: MeetingCast, opts: { unitCode: string; unitName: string; version?: number; pdfs?: Buffer[] }) {
  const pdfs = opts.pdfs ?? [await makePdf(2), await makePdf(1)];
  const minutes = await app.delivery.storeAttachment('bien-ban-cuoc-hop.pdf', pdfs[0]!, 'Biên bản cuộc họp (đã ký số)');
  const notice = await app.delivery.storeAttachment('thong-bao-ket-luan.pdf', pdfs[1]!, 'Thông báo kết luận');
  const pkg: ResultPackage = {
    meetingId: cast.meetingId,
    meetingVersion: opts.version ?? 1,
    title: 'Phiên họp thường kỳ UBND tỉnh tháng 11',
    sender: { code: '000.00.00.H41', name: 'Ủy ban nhân dân tỉnh An Khánh' },
    receivers: [{ code: '000.00.01.H41', name: 'Văn phòng UBND tỉnh An Khánh' }],
    documentNumber: '125',
    documentNotation: 'TB-UBND',
    documentType: 'Thông báo',
    subject: 'Kết luận của Chủ tịch UBND tỉnh tại phiên họp thường kỳ tháng 11 năm 2026',
    promulgationPlace: 'An Khánh',
    promulgationDate: '2026-11-23T02:00:00Z',
    signer: { name: 'Nguyễn Văn Dũng', title: 'Chủ tịch', competence: '' },
    startsAt: '2026-11-20T01:00:00Z',
    endsAt: '2026-11-20T04:00:00Z',
    place: 'Phòng họp số 1',
    attendance: { expected: 5, present: 4, absent: 1, excused: 1, proxies: 0 },
    conclusions: [{ itemId: cast.itemId, title: 'Báo cáo kinh tế - xã hội', conclusion: 'Thống nhất thông qua báo cáo; giao Sở Kế hoạch và Đầu tư hoàn thiện số liệu quý IV.' }],
    votes: [{ itemId: cast.itemId, question: 'Thông qua báo cáo kinh tế - xã hội', inFavour: 4, against: 0, notVoting: 1, passed: true, outcome: 'Số thành viên tán thành đạt trên 50% tổng số thành viên.' }],
    tasks: [{ description: 'Hoàn thiện số liệu quý IV & gửi Văn phòng <trước hạn>', unitCode: opts.unitCode, unitName: opts.unitName, assignee: null, deadline: '2026-12-15T10:00:00Z', priority: 'high' }],
    attachments: [minutes, notice],
  };
  return { pkg, pdfs };
}

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

async function deliveries(app: TestApp, cookie: string, meetingId: string) {
  const res = await app.inject({ url: `/api/meetings/${meetingId}/deliveries`, headers: { cookie } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<MeetingDeliveries>();
}

describe('webhook delivery', () => {
  let receiver: Receiver;
  let app: TestApp;
  let cast: MeetingCast;
  let unit: Awaited<ReturnType<typeof makeUnit>>;
  let pdfs: Buffer[];
  let firstPackage: ResultPackage;
  let first: TestApp;
  let planner: Awaited<ReturnType<typeof signedIn>>;
  const key = () => `ecabinet-${cast.meetingId}-v1`;

  beforeAll(async () => {
    receiver = await startReceiver(SECRET);
    first = await buildTestApp({ webhookUrl: receiver.url, webhookSecret: SECRET, deliveryMaxAttempts: 4, deliveryBackoffMs: 3000 });
    cast = await makeMeeting(first, { status: 'closed' });
    unit = await makeUnit(first, { name: 'Sở Kế hoạch và Đầu tư' });
    planner = await signedIn(first, { unitId: unit._id.toHexString(), email: 'khdt@example.gov.vn' });
    ({ pkg: firstPackage, pdfs } = await makePackage(first, cast, { unitCode: unit.code, unitName: unit.name }));
  });
  afterAll(async () => {
    await app?.teardown();
    await receiver.close();
  });

  it('retries with the same key and signature, resumes after a restart, and is accepted once', async () => {
    receiver.plans.set(key(), (attempt) => (attempt <= 2 ? 503 : 200));

    const { created, package: stored } = await first.delivery.submit(firstPackage, { actorId: cast.secretary.user._id.toHexString() });
    expect(created).toBe(true);
    expect(stored.idempotencyKey).toBe(key());

    // The first attempt fails; the server goes down before the retry is due.
    await receiver.when(() => receiver.of(key()).length === 1);
    await first.delivery.idle();
    const midway = (await deliveries(first, cast.secretary.cookie, cast.meetingId)).packages[0]!.deliveries[0]!;
    expect(midway).toMatchObject({ connector: 'webhook', status: 'pending', attempts: 1, lastError: expect.stringContaining('HTTP 503') });
    const dbName = first.db.databaseName;
    await first.close();
    expect(receiver.of(key())).toHaveLength(1);

    app = await buildTestAppOn(dbName, { webhookUrl: receiver.url, webhookSecret: SECRET, deliveryMaxAttempts: 4, deliveryBackoffMs: 20 });
    await receiver.when(() => receiver.accepted.has(key()));
    await app.delivery.idle();

    const seen = receiver.of(key());
    expect(seen.map((r) => r.status)).toEqual([503, 503, 200]);
    expect(seen.every((r) => r.signatureOk && r.timestamp)).toBe(true);
    // Every attempt carried the same bytes, so the same package.
    expect(new Set(seen.map((r) => sha(r.body))).size).toBe(1);
    const body = JSON.parse(receiver.accepted.get(key())!.toString('utf8'));
    expect(body.idempotencyKey).toBe(key());
    expect(body.package).toMatchObject({ meetingId: cast.meetingId, meetingVersion: 1, documentNumber: '125', documentNotation: 'TB-UBND', signer: { name: 'Nguyễn Văn Dũng' } });
    expect(body.attachments.map((a: { filename: string }) => a.filename)).toEqual(['bien-ban-cuoc-hop.pdf', 'thong-bao-ket-luan.pdf']);
    body.attachments.forEach((a: { dataBase64: string; sha256: string; contentType: string }, i: number) => {
      expect(a.contentType).toBe('application/pdf');
      expect(sha(Buffer.from(a.dataBase64, 'base64'))).toBe(sha(pdfs[i]!));
      expect(a.sha256).toBe(sha(pdfs[i]!));
    });

    const status = (await deliveries(app, cast.secretary.cookie, cast.meetingId)).packages;
    expect(status).toHaveLength(1);
    expect(status[0]).toMatchObject({ meetingVersion: 1, idempotencyKey: key() });
    expect(status[0]!.deliveries).toEqual([expect.objectContaining({ connector: 'webhook', status: 'delivered', attempts: 3, deliveredAt: expect.any(String), nextAttemptAt: null })]);
    const audit = await app.audit.list({ limit: 50 });
    expect(audit.filter((e) => e.action === 'delivery.submitted' && e.target === cast.meetingId)).toHaveLength(1);
    expect(audit.filter((e) => e.action === 'delivery.delivered' && e.target === cast.meetingId)[0]?.data).toMatchObject({ connector: 'webhook', attempts: 3, idempotencyKey: key() });

    // The unit given a task hears of it in the app and by (queued) email.
    const list = await app.inject({ url: '/api/notifications', headers: { cookie: planner.cookie } });
    expect(list.json().items).toEqual([expect.objectContaining({ kind: 'meeting.results', title: firstPackage.title, meetingId: null })]);
    const mail = await app.db.collection('outbox').findOne({ kind: 'email', 'payload.to': 'khdt@example.gov.vn' });
    expect(mail?.payload.subject).toBe(`Kết luận và nhiệm vụ sau cuộc họp: ${firstPackage.title}`);
    expect(mail?.payload.text).toContain('Hoàn thiện số liệu quý IV & gửi Văn phòng <trước hạn>');
    expect(mail?.payload.html).toContain('Hoàn thiện số liệu quý IV &amp; gửi Văn phòng &lt;trước hạn&gt;');
  });

  it('stores one package per meeting version: the same again is a no-op, other content is refused', async () => {
    const again = await app.delivery.submit(structuredClone(firstPackage));
    expect(again.created).toBe(false);
    // The same instants written another way are the same content.
    const reworded = await app.delivery.submit({ ...firstPackage, promulgationDate: '2026-11-23T09:00:00+07:00' });
    expect(reworded.created).toBe(false);
    await expect(app.delivery.submit({ ...firstPackage, subject: 'Một kết luận khác' })).rejects.toMatchObject({ code: 'RESULT_PACKAGE_CONFLICT', statusCode: 409 } satisfies Partial<AppError>);
    expect(await app.db.collection('resultPackages').countDocuments({ meetingId: new ObjectId(cast.meetingId) })).toBe(1);
    expect(await app.db.collection('outbox').countDocuments({ kind: 'webhook', 'payload.meetingId': cast.meetingId })).toBe(1);
    await app.delivery.idle();
    expect(receiver.of(key())).toHaveLength(3);
    expect(receiver.accepted.size).toBe(1);
  });

  it('refuses a package that is invalid or points at unknown files, storing nothing', async () => {
    const { pkg } = await makePackage(app, cast, { unitCode: unit.code, unitName: unit.name, version: 9 });
    await expect(app.delivery.submit({ ...pkg, documentNumber: '  ' })).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(app.delivery.submit({ ...pkg, attachments: [{ ...pkg.attachments[0]!, sha256: '0'.repeat(64) }] })).rejects.toMatchObject({ code: 'VALIDATION', fields: { '/attachments/0/fileId': 'VALIDATION' } });
    await expect(app.delivery.submit({ ...pkg, meetingId: new ObjectId().toHexString() })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(app.delivery.storeAttachment('a.pdf', Buffer.from('not a pdf'))).rejects.toMatchObject({ code: 'FILE_TYPE_NOT_ALLOWED' });
    expect(await app.db.collection('resultPackages').countDocuments({ meetingVersion: 9 })).toBe(0);
  });

  it('dead-letters after N failures; an admin sees it and retries with the same key', async () => {
    const other = await makeMeeting(app, { status: 'closed' });
    const { pkg } = await makePackage(app, other, { unitCode: unit.code, unitName: unit.name });
    const otherKey = `ecabinet-${other.meetingId}-v1`;
    let failing = true;
    receiver.plans.set(otherKey, () => (failing ? 500 : 200));
    await app.delivery.submit(pkg);
    await receiver.when(() => receiver.of(otherKey).length === 4);
    await app.delivery.idle();

    const admin = await signedIn(app, { role: 'admin' });
    const dead = (await app.inject({ url: '/api/admin/deliveries?status=dead', headers: { cookie: admin.cookie } })).json<{ items: Delivery[] }>().items;
    const entry = dead.find((d) => d.meetingId === other.meetingId)!;
    expect(entry).toMatchObject({ status: 'dead', attempts: 4, maxAttempts: 4, connector: 'webhook', idempotencyKey: otherKey, meetingTitle: pkg.title, lastError: expect.stringContaining('HTTP 500') });
    expect(dead.some((d) => d.meetingId === cast.meetingId)).toBe(false);
    expect((await app.audit.list({ limit: 5, action: 'delivery.dead' }))[0]).toMatchObject({ target: other.meetingId, data: { attempts: 4 } });
    expect(receiver.of(otherKey)).toHaveLength(4);

    expect((await app.inject({ method: 'POST', url: `/api/admin/deliveries/${entry.id}/retry`, headers: { cookie: other.secretary.cookie } })).statusCode).toBe(403);
    failing = false;
    const retried = await app.inject({ method: 'POST', url: `/api/admin/deliveries/${entry.id}/retry`, headers: { cookie: admin.cookie } });
    expect(retried.statusCode, retried.body).toBe(200);
    expect(retried.json()).toMatchObject({ id: entry.id, status: 'pending', attempts: 0, idempotencyKey: otherKey });
    await receiver.when(() => receiver.accepted.has(otherKey));
    await app.delivery.idle();

    // Before and after the retry: one package, byte for byte.
    expect(new Set(receiver.of(otherKey).map((r) => sha(r.body))).size).toBe(1);
    const after = (await deliveries(app, other.chair.cookie, other.meetingId)).packages[0]!.deliveries[0]!;
    expect(after).toMatchObject({ status: 'delivered', attempts: 1 });
    expect((await app.audit.list({ limit: 5, action: 'delivery.retry' }))[0]).toMatchObject({ actorId: admin.user._id.toHexString(), target: other.meetingId, data: { previousStatus: 'dead', previousAttempts: 4 } });

    // Re-delivering a delivered package sends the same package: the receiver keeps one.
    const again = await app.inject({ method: 'POST', url: `/api/admin/deliveries/${entry.id}/retry`, headers: { cookie: admin.cookie } });
    expect(again.statusCode).toBe(200);
    await receiver.when(() => receiver.of(otherKey).length === 6);
    await app.delivery.idle();
    expect(receiver.of(otherKey).slice(-1)[0]).toMatchObject({ status: 200, signatureOk: true });
    expect(receiver.conflicts()).toBe(0);
    expect([...receiver.accepted.keys()].filter((k) => k === otherKey)).toHaveLength(1);
    expect((await app.inject({ method: 'POST', url: `/api/admin/deliveries/${new ObjectId().toHexString()}/retry`, headers: { cookie: admin.cookie } })).statusCode).toBe(404);
  });

  it('gives up at once when the receiver refuses the request itself (4xx)', async () => {
    const third = await makeMeeting(app, { status: 'closed' });
    const { pkg } = await makePackage(app, third, { unitCode: unit.code, unitName: unit.name });
    const thirdKey = `ecabinet-${third.meetingId}-v1`;
    receiver.plans.set(thirdKey, () => 422);
    await app.delivery.submit(pkg);
    await receiver.when(() => receiver.of(thirdKey).length === 1);
    await app.delivery.idle();
    expect((await deliveries(app, third.secretary.cookie, third.meetingId)).packages[0]!.deliveries[0]).toMatchObject({ status: 'dead', attempts: 1, lastError: expect.stringContaining('HTTP 422') });
  });

  it('shows delivery status to the secretary and chair only; others get 404 or 403', async () => {
    const url = `/api/meetings/${cast.meetingId}/deliveries`;
    const get = (cookie?: string) => app.inject({ url, headers: cookie ? { cookie } : {} });
    expect((await get()).statusCode).toBe(401);
    expect((await get(cast.outsider.cookie)).json()).toMatchObject({ code: 'NOT_FOUND' });
    expect((await get(cast.outsider.cookie)).statusCode).toBe(404);
    expect((await get(cast.member.cookie)).statusCode).toBe(403);
    expect((await get(cast.observer.cookie)).statusCode).toBe(403);
    expect((await get(cast.chair.cookie)).statusCode).toBe(200);
    // Before the meeting is distributed a delegate cannot see it at all.
    const draft = await makeMeeting(app);
    expect((await app.inject({ url: `/api/meetings/${draft.meetingId}/deliveries`, headers: { cookie: draft.member.cookie } })).statusCode).toBe(404);
    expect((await app.inject({ url: '/api/admin/deliveries', headers: { cookie: cast.secretary.cookie } })).statusCode).toBe(403);
    const admin = await signedIn(app, { role: 'admin' });
    expect((await app.inject({ url: '/api/admin/deliveries?status=nope', headers: { cookie: admin.cookie } })).statusCode).toBe(400);
  });
});

describe('EDXML delivery', () => {
  let dir: string;
  let app: TestApp;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecab-edxml-'));
    app = await buildTestApp({ edxmlDir: dir, orgCode: '000.00.00.H41' });
  });
  afterAll(async () => {
    await app.teardown();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const xpath = (file: string, expr: string) => execFileSync('xmllint', ['--xpath', expr, file], { encoding: 'utf8' }).replace(/\n$/, '');
  const ed = (name: string) => `*[local-name()='${name}']`;

  it('writes a well-formed QCVN 102 edXML package with codes, subject, signer and the PDFs', async () => {
    const cast = await makeMeeting(app, { status: 'closed' });
    const unit = await makeUnit(app, { name: 'Sở Tài chính' });
    const { pkg, pdfs } = await makePackage(app, cast, { unitCode: unit.code, unitName: unit.name });
    // Decomposed Vietnamese (NFD) and characters XML must escape.
    const subject = 'Kết luận về "Dự án" <đường> & cầu Tỉnh lộ 8'.normalize('NFD');
    await app.delivery.submit({ ...pkg, subject });
    await app.delivery.idle();

    const file = path.join(dir, `ecabinet-${cast.meetingId}-v1.edxml`);
    expect(fs.readdirSync(dir)).toEqual([path.basename(file)]);
    execFileSync('xmllint', ['--noout', file]);
    const text = fs.readFileSync(file, 'utf8');
    expect(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    expect(text).toContain('<edXML:edXMLEnvelope xmlns:edXML="http://www.mic.gov.vn/TBT/QCVN_102_2016"');
    expect(text.normalize('NFC')).toBe(text);

    const header = `/${ed('edXML')}/${ed('edXMLEnvelope')}/${ed('edXMLHeader')}/${ed('MessageHeader')}`;
    expect(xpath(file, `string(${header}/${ed('From')}/${ed('OrganId')})`)).toBe('000.00.00.H41');
    expect(xpath(file, `string(${header}/${ed('From')}/${ed('OrganName')})`)).toBe('Ủy ban nhân dân tỉnh An Khánh');
    expect(xpath(file, `string(${header}/${ed('To')}/${ed('OrganId')})`)).toBe('000.00.01.H41');
    expect(xpath(file, `string(${header}/${ed('Code')}/${ed('CodeNumber')})`)).toBe('125');
    expect(xpath(file, `string(${header}/${ed('Code')}/${ed('CodeNotation')})`)).toBe('TB-UBND');
    expect(xpath(file, `string(${header}/${ed('PromulgationInfo')}/${ed('PromulgationDate')})`)).toBe('2026/11/23');
    expect(xpath(file, `string(${header}/${ed('PromulgationInfo')}/${ed('Place')})`)).toBe('An Khánh');
    expect(xpath(file, `string(${header}/${ed('Subject')})`)).toBe(subject.normalize('NFC'));
    expect(xpath(file, `string(${header}/${ed('SignerInfo')}/${ed('FullName')})`)).toBe('Nguyễn Văn Dũng');
    expect(xpath(file, `string(${header}/${ed('SignerInfo')}/${ed('Position')})`)).toBe('Chủ tịch');
    expect(xpath(file, `string(${header}/${ed('DocumentId')})`)).toBe('000.00.00.H41,2026/11/23,125/TB-UBND');
    expect(xpath(file, `string(${header}/${ed('DueDate')})`)).toBe('2026/12/15');
    expect(xpath(file, `string(/${ed('edXML')}/${ed('edXMLEnvelope')}/${ed('edXMLHeader')}/${ed('TraceHeaderList')}/${ed('TraceHeader')}/${ed('OrganId')})`)).toBe('000.00.00.H41');
    expect(xpath(file, `count(//${ed('edXMLManifest')}/${ed('Reference')})`)).toBe('2');

    for (const [i, pdf] of pdfs.entries()) {
      const att = `/${ed('edXML')}/${ed('AttachmentEncoded')}/${ed('Attachment')}[${i + 1}]`;
      const base64 = xpath(file, `string(${att}/${ed('ContentTransferEncoded')})`);
      expect(sha(Buffer.from(base64, 'base64'))).toBe(sha(pdf));
      expect(xpath(file, `string(${att}/${ed('ContentType')})`)).toBe('application/pdf');
      const cid = xpath(file, `string(${att}/${ed('ContentId')})`);
      expect(xpath(file, `string(//${ed('Reference')}[${i + 1}]/${ed('ContentId')})`)).toBe(`cid:${cid}`);
      expect(xpath(file, `string(${att}/${ed('AttachmentName')})`)).toBe(pkg.attachments[i]!.filename);
    }
    expect(xpath(file, `string(//${ed('Attachment')}[1]/${ed('Description')})`)).toBe('Biên bản cuộc họp (đã ký số)');

    // A re-delivery writes the very same file again, under the same name.
    const before = fs.readFileSync(file);
    const admin = await signedIn(app, { role: 'admin' });
    const [delivery] = (await app.inject({ url: '/api/admin/deliveries?status=delivered', headers: { cookie: admin.cookie } })).json<{ items: Delivery[] }>().items;
    expect(delivery).toMatchObject({ connector: 'edxml', meetingId: cast.meetingId, attempts: 1 });
    expect((await app.inject({ method: 'POST', url: `/api/admin/deliveries/${delivery!.id}/retry`, headers: { cookie: admin.cookie } })).statusCode).toBe(200);
    await app.delivery.idle();
    expect(fs.readdirSync(dir)).toEqual([path.basename(file)]);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('POSTs the XML to EDXML_URL with the idempotency key', async () => {
    const got: { type: string | undefined; key: string | undefined; body: string }[] = [];
    let arrived: () => void = () => {};
    const done = new Promise<void>((resolve) => (arrived = resolve));
    const server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        got.push({ type: req.headers['content-type'], key: req.headers['idempotency-key'] as string | undefined, body: Buffer.concat(chunks).toString('utf8') });
        res.writeHead(202).end();
        arrived();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const posting = await buildTestApp({ edxmlUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/edxml`, orgCode: '000.00.00.H41' });
    try {
      const cast = await makeMeeting(posting, { status: 'closed' });
      const { pkg } = await makePackage(posting, cast, { unitCode: 'KHONG-CO', unitName: 'Đơn vị khác' });
      await posting.delivery.submit(pkg);
      await done;
      await posting.delivery.idle();
      expect(got).toHaveLength(1);
      expect(got[0]).toMatchObject({ type: 'application/xml; charset=utf-8', key: `ecabinet-${cast.meetingId}-v1` });
      expect(got[0]!.body).toContain('<edXML:CodeNotation>TB-UBND</edXML:CodeNotation>');
      expect((await deliveries(posting, cast.secretary.cookie, cast.meetingId)).packages[0]!.deliveries[0]).toMatchObject({ connector: 'edxml', status: 'delivered' });
    } finally {
      await posting.teardown();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});

describe('delivery configuration and XML text', () => {
  it('validates the connector settings', () => {
    expect(() => loadConfig({ WEBHOOK_URL: 'http://dms.local/hook' })).toThrow(/WEBHOOK_SECRET: expected at least 16 characters/);
    expect(() => loadConfig({ WEBHOOK_SECRET: SECRET })).toThrow(/WEBHOOK_SECRET: set, but WEBHOOK_URL/);
    expect(() => loadConfig({ WEBHOOK_URL: 'ftp://x', WEBHOOK_SECRET: SECRET })).toThrow(/WEBHOOK_URL: expected an http\(s\) URL/);
    expect(() => loadConfig({ EDXML_DIR: '/tmp/x', EDXML_URL: 'http://x/y', ORG_CODE: 'H41' })).toThrow(/set one of them, not both/);
    expect(() => loadConfig({ EDXML_DIR: '/tmp/x' })).toThrow(/ORG_CODE: required/);
    expect(() => loadConfig({ DELIVERY_MAX_ATTEMPTS: '0' })).toThrow(/DELIVERY_MAX_ATTEMPTS/);
    expect(() => loadConfig({ DELIVERY_RECEIVERS: 'no-name' })).toThrow(/DELIVERY_RECEIVERS/);
    const ok = loadConfig({ WEBHOOK_URL: 'https://dms.example.gov.vn/hook', WEBHOOK_SECRET: SECRET, EDXML_DIR: 'edxml-out', ORG_CODE: '000.00.00.H41', DELIVERY_RECEIVERS: '000.00.01.H41=Văn phòng UBND tỉnh; G22=Sở Nội vụ' });
    expect(ok).toMatchObject({ webhookUrl: 'https://dms.example.gov.vn/hook', webhookSecret: SECRET, orgCode: '000.00.00.H41', deliveryMaxAttempts: 8, deliveryBackoffMs: 5000 });
    expect(ok.deliveryReceivers).toEqual([
      { code: '000.00.01.H41', name: 'Văn phòng UBND tỉnh' },
      { code: 'G22', name: 'Sở Nội vụ' },
    ]);
    expect(path.isAbsolute(ok.edxmlDir!)).toBe(true);
  });

  it('escapes XML text and drops characters XML cannot carry', () => {
    expect(xmlEscape(`a<b>&"c'\u0001\uFFFE${'\uD800'}d`)).toBe('a&lt;b&gt;&amp;&quot;c&apos;d');
    expect(xmlEscape('Tiếng Việt'.normalize('NFD'))).toBe('Tiếng Việt'.normalize('NFC'));
  });
});
