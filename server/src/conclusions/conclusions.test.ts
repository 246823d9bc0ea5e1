import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ObjectId } from 'mongodb';
import * as Y from 'yjs';
import { decide, explain, tally, type PollDefinition } from '@e-cabinet/voting';
import { docNames, MINUTES_CONCLUSION_KEY, MINUTES_ITEMS_KEY, MINUTES_OPINIONS_KEY, type Minutes, type MinutesVersion, type PollResult } from '@e-cabinet/protocol';
import { buildTestApp, buildTestAppOn, listen, makeMeeting, makeUnit, once, type MeetingCast, type TestApp } from '../../test/helper.ts';
import { clientPool, connectCollab, storedDoc, until } from '../../test/collab-client.ts';
import { flatText, pdfPages } from '../minutes/pdf/poppler.ts';
import { verifyWithPdfsig } from '../signing/index.ts';
import type { MinutesVersionDoc, PollDoc, ResultPackageDoc } from '../db/collections.ts';
import type { Config } from '../config.ts';

const SECRET = 'khoa-webhook-bien-ban-2026';
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** A document-management system's webhook on loopback: keeps every body it is sent. */
async function startReceiver() {
  const bodies: Buffer[] = [];
  const waiters: (() => void)[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      bodies.push(Buffer.concat(chunks));
      res.writeHead(200).end('ok');
      for (const w of waiters.splice(0)) w();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/incoming`,
    bodies,
    /** Resolves once `n` bodies have arrived. */
    received(n: number): Promise<void> {
      return new Promise<void>((resolve) => {
        const check = () => (bodies.length >= n ? resolve() : waiters.push(check));
        check();
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const OPINIONS = 'Ông Lê Văn Tám: Đề nghị bổ sung số liệu thu ngân sách quý IV.\nCần làm rõ nguyên nhân giải ngân chậm.';
const CONCLUSION = 'Thống nhất thông qua báo cáo; giao Sở Tài chính hoàn thiện số liệu trước ngày 15/12.';
const CHAIR_ADDITION = ' Yêu cầu các sở, ngành khẩn trương triển khai.';

describe('conclusions, minutes and the result package', () => {
  const clients = clientPool();
  let app: TestApp;
  let baseUrl: string;
  let cast: MeetingCast;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let dataDir: string;
  let config: Partial<Config>;

  const api = (method: 'GET' | 'POST', url: string, cookie: string) => app.inject({ method, url: `/api/meetings/${cast.meetingId}${url}`, headers: { cookie } });
  const minutes = async (cookie = cast.secretary.cookie) => {
    const res = await api('GET', '/minutes', cookie);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<Minutes>();
  };
  const join = async (cookie: string) => {
    const client = clients.add(connectCollab(baseUrl, docNames.minutes(cast.meetingId), cookie));
    await client.synced;
    return client;
  };
  const fields = (doc: Y.Doc) => doc.getMap<Y.Map<Y.Text>>(MINUTES_ITEMS_KEY).get(cast.itemId);
  const conclusionOf = (doc: Y.Doc) => fields(doc)?.get(MINUTES_CONCLUSION_KEY)?.toString() ?? '';

  beforeAll(async () => {
    receiver = await startReceiver();
    dataDir = mkdtempSync(path.join(tmpdir(), 'ecab-minutes-'));
    config = { dataDir, webhookUrl: receiver.url, webhookSecret: SECRET };
    app = await buildTestApp(config);
    baseUrl = await listen(app);
    cast = await makeMeeting(app, { status: 'live' });
    const meetingId = cast.meetingId;
    await app.live.checkIn(cast.chair.user, { meetingId });
    await app.live.checkIn(cast.member.user, { meetingId });
    await app.live.mark(cast.secretary.user, { meetingId, userId: cast.invitee.user._id.toHexString(), status: 'excused', note: 'đi công tác' });

    // A closed motion, its result computed by the voting rules as the polls module stores it.
    const definition: PollDefinition = { kind: 'yesNoAbstain', secrecy: 'named', rule: { kind: 'absolute' }, base: 'members' };
    const counted = tally(definition, [['yes'], ['no']]);
    const outcome = decide(definition, counted, { present: 2, members: 3 });
    const result = {
      cast: counted.cast,
      present: 2,
      members: 3,
      options: [],
      outcome,
      explanation: { vi: explain(outcome, 'vi'), en: explain(outcome, 'en') },
      voters: null,
      bulletin: null,
    } as unknown as PollResult;
    const now = new Date();
    const poll: PollDoc = {
      _id: new ObjectId(),
      meetingId: new ObjectId(meetingId),
      itemId: new ObjectId(cast.itemId),
      question: 'Thông qua báo cáo kinh tế - xã hội năm 2026',
      definition,
      hideTallyUntilClose: false,
      durationSec: null,
      status: 'closed',
      createdBy: cast.chair.user._id,
      createdAt: now,
      updatedAt: now,
      openedAt: now,
      openedBy: cast.chair.user._id,
      closesAt: null,
      quorumAtOpen: null,
      closedAt: now,
      closedBy: cast.chair.user._id,
      result,
    };
    await app.db.collection<PollDoc>('polls').insertOne(poll);
  });
  afterAll(async () => {
    clients.destroyAll();
    await app?.teardown();
    await receiver?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('lets the secretary and the chair write the draft together; a delegate cannot', async () => {
    const secretary = await join(cast.secretary.cookie);
    const chair = await join(cast.chair.cookie);
    const member = await join(cast.member.cookie);
    secretary.doc.transact(() => {
      const item = new Y.Map<Y.Text>();
      item.set(MINUTES_OPINIONS_KEY, new Y.Text(OPINIONS));
      item.set(MINUTES_CONCLUSION_KEY, new Y.Text(CONCLUSION));
      secretary.doc.getMap(MINUTES_ITEMS_KEY).set(cast.itemId, item);
    });
    await until(chair.doc, () => conclusionOf(chair.doc) === CONCLUSION);
    const chairText = fields(chair.doc)!.get(MINUTES_CONCLUSION_KEY)!;
    chairText.insert(chairText.length, CHAIR_ADDITION);
    await until(secretary.doc, () => conclusionOf(secretary.doc) === CONCLUSION + CHAIR_ADDITION);

    await until(member.doc, () => conclusionOf(member.doc) === CONCLUSION + CHAIR_ADDITION);
    const dropped = once(app.collab, 'dropped');
    fields(member.doc)!.get(MINUTES_CONCLUSION_KEY)!.insert(0, 'SỬA TRÁI PHÉP ');
    await dropped;
    const stored = (await storedDoc(app, docNames.minutes(cast.meetingId))).doc;
    expect(conclusionOf(stored)).toBe(CONCLUSION + CHAIR_ADDITION);

    const view = await minutes(cast.member.cookie);
    expect(view).toMatchObject({ canEdit: false, canApprove: false, canSign: false, versions: [] });
    expect(view.draft.changedSinceApproval).toBe(true);
    expect(view.draft.items[0]).toMatchObject({ itemId: cast.itemId, opinions: OPINIONS, conclusion: CONCLUSION + CHAIR_ADDITION });
    expect(view.draft.items[0]!.polls[0]).toMatchObject({ inFavour: 1, against: 1, notVoting: 1, base: 3, passed: false });
    expect((await minutes(cast.chair.cookie))).toMatchObject({ canEdit: true, canApprove: true });
  });

  it('hides the minutes from a non-participant and refuses approving or signing to anyone but the chair', async () => {
    expect((await api('GET', '/minutes', cast.outsider.cookie)).statusCode).toBe(404);
    expect((await api('POST', '/minutes/approve', cast.outsider.cookie)).statusCode).toBe(404);
    expect((await api('GET', '/minutes/versions/1/minutes.pdf', cast.outsider.cookie)).statusCode).toBe(404);
    for (const who of [cast.member, cast.secretary, cast.observer]) {
      const res = await api('POST', '/minutes/approve', who.cookie);
      expect(res.statusCode, res.body).toBe(403);
      expect(res.json().code).toBe('FORBIDDEN');
    }
    expect((await api('POST', '/minutes/versions/1/sign', cast.member.cookie)).statusCode).toBe(403);
    expect((await app.db.collection('minutesVersions').countDocuments({})).valueOf()).toBe(0);
  });

  it('approves version 1 and generates PDFs with the exact conclusion and vote counts', async () => {
    const res = await api('POST', '/minutes/approve', cast.chair.cookie);
    expect(res.statusCode, res.body).toBe(202);
    expect(res.json<MinutesVersion>()).toMatchObject({ version: 1, status: 'generating', approvedBy: { id: cast.chair.user._id.toHexString() } });
    expect((await api('POST', '/minutes/approve', cast.chair.cookie)).json().code).toBe('MINUTES_UNCHANGED');

    await app.conclusions.idle();
    const view = await minutes(cast.member.cookie);
    expect(view.draft.changedSinceApproval).toBe(false);
    expect(view.versions).toHaveLength(1);
    expect(view.versions[0]).toMatchObject({ version: 1, status: 'ready', signature: null, minutesPdf: { size: expect.any(Number) }, noticePdf: { size: expect.any(Number) } });

    const pdf = await api('GET', '/minutes/versions/1/minutes.pdf', cast.member.cookie);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(sha(pdf.rawPayload)).toBe(view.versions[0]!.minutesPdf!.sha256);
    const text = flatText(pdfPages(pdf.rawPayload, { layout: false }));
    expect(text).toContain('BIÊN BẢN');
    // Numbered from the register: the first minutes and the first notice of the year.
    expect(text).toContain('Số: 1/BB-UBND');
    expect(text).toContain(CONCLUSION + CHAIR_ADDITION);
    expect(text).toContain('Đề nghị bổ sung số liệu thu ngân sách quý IV.');
    expect(text).toContain('Tán thành: 1 (33,33%), Không tán thành: 1 (33,33%), Không biểu quyết: 1 (33,33%)');
    expect(text).toContain('Không thông qua');
    expect(text).toContain('đi công tác');

    const notice = await api('GET', '/minutes/versions/1/notice.pdf', cast.chair.cookie);
    expect(notice.statusCode).toBe(200);
    const noticeText = flatText(pdfPages(notice.rawPayload, { layout: false }));
    expect(noticeText).toContain('THÔNG BÁO');
    expect(noticeText).toContain('Số: 1/TB-UBND');
    expect(noticeText).toContain(CONCLUSION + CHAIR_ADDITION);
  });

  it('keeps version 1 when a later edit is approved as version 2', async () => {
    const chair = await join(cast.chair.cookie);
    await until(chair.doc, () => conclusionOf(chair.doc) === CONCLUSION + CHAIR_ADDITION);
    const t = fields(chair.doc)!.get(MINUTES_CONCLUSION_KEY)!;
    t.insert(t.length, ' Giao Văn phòng theo dõi.');
    const secretary = await join(cast.secretary.cookie);
    await until(secretary.doc, () => conclusionOf(secretary.doc).endsWith('Giao Văn phòng theo dõi.'));

    const before = await minutes();
    expect(before.draft.changedSinceApproval).toBe(true);
    const v1 = before.versions[0]!;
    const res = await api('POST', '/minutes/approve', cast.chair.cookie);
    expect(res.statusCode, res.body).toBe(202);
    expect(res.json().version).toBe(2);
    await app.conclusions.idle();
    const after = await minutes();
    expect(after.versions.map((v) => v.version)).toEqual([2, 1]);
    expect(after.versions[1]).toEqual(v1);
    expect(after.versions[0]!.items[0]!.conclusion).toBe(`${CONCLUSION}${CHAIR_ADDITION} Giao Văn phòng theo dõi.`);
    expect(after.versions[0]!.contentSha256).not.toBe(v1.contentSha256);
  });

  it('refuses to close before signing, then signs, closes and delivers the signed PDFs', async () => {
    await app.db.collection('meetings').updateOne({ _id: new ObjectId(cast.meetingId) }, { $set: { status: 'ended' } });
    const unit = await makeUnit(app, { name: 'Sở Tài chính' });
    const created = await app.inject({
      method: 'POST',
      url: `/api/meetings/${cast.meetingId}/tasks`,
      headers: { cookie: cast.secretary.cookie },
      payload: { itemId: cast.itemId, description: 'Hoàn thiện số liệu thu ngân sách quý IV', assigneeUnitId: unit._id.toHexString(), deadline: new Date(Date.now() + 20 * 86400_000).toISOString(), priority: 'high' },
    });
    expect(created.statusCode, created.body).toBe(201);

    const early = await api('POST', '/transitions/close', cast.secretary.cookie);
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('MINUTES_NOT_SIGNED');
    expect((await minutes()).status).toBe('ended');

    expect((await api('POST', '/minutes/versions/1/sign', cast.chair.cookie)).json().code).toBe('MINUTES_NOT_LATEST');
    const signed = await api('POST', '/minutes/versions/2/sign', cast.chair.cookie);
    expect(signed.statusCode, signed.body).toBe(200);
    const version = signed.json<MinutesVersion>();
    expect(version).toMatchObject({ version: 2, status: 'signed', signature: { signedBy: { id: cast.chair.user._id.toHexString() }, signer: { subject: expect.any(String) } } });
    expect((await api('POST', '/minutes/versions/2/sign', cast.chair.cookie)).json().code).toBe('MINUTES_ALREADY_SIGNED');

    const file = await api('GET', '/minutes/versions/2/minutes.pdf', cast.member.cookie);
    expect(sha(file.rawPayload)).toBe(version.signature!.minutesSha256);
    const report = await verifyWithPdfsig(file.rawPayload);
    expect(report.signatures).toHaveLength(1);
    expect(report.signatures[0]).toMatchObject({ valid: true, wholeDocument: true });
    const audit = await app.db.collection('auditLog').find({ target: cast.meetingId, action: { $in: ['minutes.approved', 'minutes.signed'] } }).toArray();
    expect(audit.map((a) => a.action).sort()).toEqual(['minutes.approved', 'minutes.approved', 'minutes.signed']);

    const closed = await api('POST', '/transitions/close', cast.secretary.cookie);
    expect(closed.statusCode, closed.body).toBe(200);
    const stored = await app.db.collection<ResultPackageDoc>('resultPackages').findOne({ _id: `${cast.meetingId}:2` });
    expect(stored?.package).toMatchObject({
      meetingVersion: 2,
      documentNumber: '2',
      documentNotation: 'TB-UBND',
      conclusions: [{ itemId: cast.itemId, conclusion: `${CONCLUSION}${CHAIR_ADDITION} Giao Văn phòng theo dõi.` }],
      votes: [{ itemId: cast.itemId, inFavour: 1, against: 1, notVoting: 1, passed: false }],
      tasks: [{ unitCode: unit.code, description: 'Hoàn thiện số liệu thu ngân sách quý IV', priority: 'high' }],
      attendance: { expected: 4, present: 2, absent: 2, excused: 1 },
    });

    await receiver.received(1);
    const body = JSON.parse(receiver.bodies[0]!.toString('utf8')) as { package: { meetingVersion: number }; attachments: { sha256: string; dataBase64: string }[] };
    expect(body.package.meetingVersion).toBe(2);
    const shas = body.attachments.map((a) => sha(Buffer.from(a.dataBase64, 'base64')));
    expect(shas).toEqual([version.signature!.minutesSha256, version.signature!.noticeSha256]);
    expect(body.attachments.map((a) => a.sha256)).toEqual(shas);

    // Closed: the draft is read-only for everyone now.
    expect(await minutes(cast.chair.cookie)).toMatchObject({ status: 'closed', canEdit: false, canApprove: false, canSign: false });
    expect((await api('POST', '/minutes/approve', cast.chair.cookie)).json().code).toBe('MINUTES_NOT_OPEN');
  });

  it('after a restart, finishes a generation and a result package that a crash interrupted', async () => {
    const meetingId = new ObjectId(cast.meetingId);
    const versions = app.db.collection<MinutesVersionDoc>('minutesVersions');
    const v2 = (await versions.findOne({ meetingId, version: 2 }))!;
    // A version whose PDFs were never generated, and a close whose package was never stored.
    await versions.insertOne({ ...v2, _id: new ObjectId(), version: 3, status: 'generating', minutesPdf: null, noticePdf: null, signature: null });
    await app.db.collection<ResultPackageDoc>('resultPackages').deleteOne({ _id: `${cast.meetingId}:2` });
    await app.db.collection('outbox').deleteMany({ key: `webhook:${cast.meetingId}:2` });
    const dbName = app.db.databaseName;
    await app.close();

    app = await buildTestAppOn(dbName, config);
    await app.conclusions.recovered;
    await app.conclusions.idle();
    const v3 = await app.db.collection<MinutesVersionDoc>('minutesVersions').findOne({ meetingId, version: 3 });
    expect(v3).toMatchObject({ status: 'ready', minutesPdf: { size: expect.any(Number) }, noticePdf: { size: expect.any(Number) } });
    const again = await app.db.collection<ResultPackageDoc>('resultPackages').findOne({ _id: `${cast.meetingId}:2` });
    expect(again?.package.attachments.map((a) => a.sha256)).toEqual([v2.signature!.minutes.sha256, v2.signature!.notice.sha256]);
    await receiver.received(2);
    const body = JSON.parse(receiver.bodies[1]!.toString('utf8')) as { idempotencyKey: string; package: { meetingVersion: number } };
    expect(body).toMatchObject({ idempotencyKey: again!.idempotencyKey, package: { meetingVersion: 2 } });
  });
});
