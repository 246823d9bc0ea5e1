import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { EventEmitter, once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import * as Y from 'yjs';
import {
  COLLAB_PATH,
  collabParams,
  docNames,
  MINUTES_CONCLUSION_KEY,
  MINUTES_ITEMS_KEY,
  MINUTES_OPINIONS_KEY,
  type Me,
  type Meeting,
  type Minutes,
  type MinutesVersion,
  type UnitList,
} from '@e-cabinet/protocol';
import { connectCollab, type CollabClient } from '../collab-client.ts';
import { defineCase, type CaseContext, type Measurement } from '../case.ts';
import { positiveInt } from '../env.ts';
import { MEMBERS, api, signIn } from '../http.ts';
import { measurement, round2, summarize } from '../stats.ts';

/** Seeded by SEED_DEMO=true (server/src/seed/demo-data.ts). */
const SECRETARY = { username: 'thuky', password: 'ThuKy@2026' };
const CHAIR = { username: 'chutich', password: 'ChuTich@2026' };
const DEFAULT_ROUNDS = 5;
/** How often the bench looks at the minutes while their PDFs are generated (set-up, not measured). */
const READY_POLL_MS = 50;
const READY_TIMEOUT_MS = 120_000;
const ACCEPT_TIMEOUT_MS = 120_000;
const SECRET = randomBytes(24).toString('base64url');

const CONCLUSION = 'Thống nhất thông qua Kế hoạch đầu tư công năm 2027; giao Sở Kế hoạch và Đầu tư hoàn thiện hồ sơ trước ngày 15/12.';
const OPINIONS = 'Các đại biểu đề nghị bổ sung danh mục dự án chuyển tiếp và làm rõ nguồn vốn đối ứng.';

/**
 * The document-management system's end: a real HTTP server that checks each package's
 * HMAC-SHA256 signature, accepts one package per idempotency key (200) and says when it did.
 */
class Receiver extends EventEmitter<{ accepted: [{ meetingId: string; at: number; bytes: number }]; rejected: [Error] }> {
  private readonly keys = new Set<string>();
  readonly server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const expected = Buffer.from(`sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`);
      const given = Buffer.from(String(req.headers['x-ecabinet-signature'] ?? ''));
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        res.writeHead(401).end();
        this.emit('rejected', new Error('a package arrived with a wrong HMAC signature'));
        return;
      }
      const key = String(req.headers['idempotency-key'] ?? '');
      const fresh = !this.keys.has(key);
      this.keys.add(key);
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
      if (!fresh) return;
      const parsed = JSON.parse(body.toString('utf8')) as { package: { meetingId: string } };
      this.emit('accepted', { meetingId: parsed.package.meetingId, at: performance.now(), bytes: body.byteLength });
    });
  });

  async listen(): Promise<string> {
    this.server.listen(0, '127.0.0.1');
    await once(this.server, 'listening');
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/packages`;
  }

  /** The moment the package of `meetingId` was accepted. */
  accepted(meetingId: string): Promise<{ at: number; bytes: number }> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => done(new Error(`no package for meeting ${meetingId} within ${ACCEPT_TIMEOUT_MS / 1000} s`)), ACCEPT_TIMEOUT_MS);
      const onAccepted = (p: { meetingId: string; at: number; bytes: number }) => {
        if (p.meetingId === meetingId) done(null, p);
      };
      const onError = (err: Error) => done(err);
      const done = (err: Error | null, p?: { at: number; bytes: number }) => {
        clearTimeout(timer);
        this.off('accepted', onAccepted);
        this.off('rejected', onError);
        if (err) reject(err);
        else resolve(p!);
      };
      this.on('accepted', onAccepted);
      this.on('rejected', onError);
    });
  }
}

let receiver: Receiver | null = null;

interface Setup {
  secretary: string;
  chair: string;
  chairId: string;
  memberIds: string[];
  unitId: string;
}

async function setUp(ctx: CaseContext): Promise<Setup> {
  const base = ctx.baseUrl;
  const [secretary, chair, ...members] = await Promise.all([signIn(base, SECRETARY), signIn(base, CHAIR), ...MEMBERS.slice(0, 4).map((m) => signIn(base, m))]);
  const chairMe = await api<Me>(base, chair, 'GET', '/api/auth/me');
  const memberIds = await Promise.all(members.map(async (cookie) => (await api<Me>(base, cookie, 'GET', '/api/auth/me')).user.id));
  const units = await api<UnitList>(base, secretary, 'GET', '/api/units');
  if (!units.items.length) throw new Error('the demo data has no units to assign a task to');
  return { secretary, chair, chairId: chairMe.user.id, memberIds, unitId: units.items[0]!.id };
}

/** Everything a real meeting has before it is closed: held, minutes drafted, a task, approved, signed. */
async function heldMeeting(ctx: CaseContext, setup: Setup, round: number): Promise<{ meetingId: string; readyMs: number; signMs: number }> {
  const base = ctx.baseUrl;
  const { secretary, chair } = setup;
  const start = new Date(Date.now() + 3600_000);
  const meeting = await api<Meeting>(base, secretary, 'POST', '/api/meetings', {
    title: `Phiên họp thử đo chuyển kết quả (${round})`,
    kind: 'regular',
    startsAt: start.toISOString(),
    endsAt: new Date(start.getTime() + 2 * 3600_000).toISOString(),
    participants: [{ userId: setup.chairId, role: 'chair' }, ...setup.memberIds.map((userId) => ({ userId, role: 'member' }))],
  });
  const agenda = await api<{ items: { id: string }[] }>(base, secretary, 'POST', `/api/meetings/${meeting.id}/agenda`, { title: 'Kế hoạch đầu tư công năm 2027', durationMinutes: 30 });
  const itemId = agenda.items[0]!.id;
  for (const [who, transition] of [[secretary, 'submit'], [chair, 'approve'], [secretary, 'publish'], [chair, 'start']] as const) {
    await api(base, who, 'POST', `/api/meetings/${meeting.id}/transitions/${transition}`);
  }

  // The secretary drafts over /collab; the chair's copy having it means the server has it.
  const endpoint = { serverUrl: `${base.replace(/^http/, 'ws')}${COLLAB_PATH}`, docName: docNames.minutes(meeting.id), params: collabParams() };
  const clients: CollabClient[] = [];
  try {
    const writer = await connectCollab(endpoint, secretary);
    clients.push(writer);
    const watcher = await connectCollab(endpoint, chair);
    clients.push(watcher);
    const arrived = new Promise<void>((resolve) => {
      const check = () => {
        const text = watcher.doc.getMap<Y.Map<Y.Text>>(MINUTES_ITEMS_KEY).get(itemId)?.get(MINUTES_CONCLUSION_KEY)?.toString();
        if (text !== CONCLUSION) return;
        watcher.doc.off('update', check);
        resolve();
      };
      watcher.doc.on('update', check);
    });
    writer.doc.transact(() => {
      const item = new Y.Map<Y.Text>();
      item.set(MINUTES_OPINIONS_KEY, new Y.Text(OPINIONS));
      item.set(MINUTES_CONCLUSION_KEY, new Y.Text(CONCLUSION));
      writer.doc.getMap(MINUTES_ITEMS_KEY).set(itemId, item);
    });
    await arrived;
  } finally {
    for (const c of clients) c.destroy();
  }

  await api(base, chair, 'POST', `/api/meetings/${meeting.id}/transitions/end`);
  await api(base, secretary, 'POST', `/api/meetings/${meeting.id}/tasks`, {
    itemId,
    description: 'Hoàn thiện hồ sơ Kế hoạch đầu tư công năm 2027',
    assigneeUnitId: setup.unitId,
    deadline: new Date(Date.now() + 20 * 86400_000).toISOString(),
    priority: 'high',
  });
  const approvedAt = performance.now();
  const approved = await api<MinutesVersion>(base, chair, 'POST', `/api/meetings/${meeting.id}/minutes/approve`);
  for (;;) {
    const view = await api<Minutes>(base, chair, 'GET', `/api/meetings/${meeting.id}/minutes`);
    const version = view.versions.find((v) => v.version === approved.version);
    if (version?.status === 'ready') break;
    if (version?.status === 'failed') throw new Error(`the PDFs of version ${approved.version} failed to generate`);
    if (performance.now() - approvedAt > READY_TIMEOUT_MS) throw new Error('the minutes PDFs were not ready in time');
    await sleep(READY_POLL_MS);
  }
  const readyMs = performance.now() - approvedAt;
  const signStarted = performance.now();
  await api(base, chair, 'POST', `/api/meetings/${meeting.id}/minutes/versions/${approved.version}/sign`);
  return { meetingId: meeting.id, readyMs, signMs: performance.now() - signStarted };
}

/** Rounds run one after another: their own durations add up to the time measured. */
const sequential = (samples: number[]): Measurement => measurement(samples, samples.reduce((a, b) => a + b, 0) / 1000);

/**
 * Issue #6: from "close meeting" to the result package accepted by the document-management
 * system. Each round holds a meeting to the point of closing (minutes drafted over /collab,
 * a task, approved, PDFs generated, signed), then the secretary closes it and the clock runs
 * until a real local webhook receiver, checking the HMAC, has accepted the package with both
 * signed PDFs. Rounds run one after another.
 */
export default defineCase({
  name: 'delivery',
  description: `Close a held meeting (minutes approved and signed) → result package accepted by a local webhook receiver, ${DEFAULT_ROUNDS} rounds (BENCH_DELIVERY_ROUNDS overrides)`,
  async prepare(log) {
    receiver = new Receiver();
    const url = await receiver.listen();
    log(`  webhook receiver at ${url}`);
    const r = receiver;
    return {
      env: { WEBHOOK_URL: url, WEBHOOK_SECRET: SECRET },
      async dispose() {
        r.server.closeAllConnections();
        await new Promise<void>((resolve) => r.server.close(() => resolve()));
        if (receiver === r) receiver = null;
      },
    };
  },
  async run(ctx) {
    if (!receiver) throw new Error('the delivery case runs only after prepare() started its receiver');
    const rounds = positiveInt(process.env, 'BENCH_DELIVERY_ROUNDS', DEFAULT_ROUNDS);
    const setup = await setUp(ctx);
    const closeToAccepted: number[] = [];
    const closeAck: number[] = [];
    const ready: number[] = [];
    const sign: number[] = [];
    let bytes = 0;
    for (let round = 1; round <= rounds; round++) {
      const held = await heldMeeting(ctx, setup, round);
      ready.push(held.readyMs);
      sign.push(held.signMs);
      const accepted = receiver.accepted(held.meetingId);
      const closedAt = performance.now();
      await api(ctx.baseUrl, setup.secretary, 'POST', `/api/meetings/${held.meetingId}/transitions/close`);
      closeAck.push(performance.now() - closedAt);
      const got = await accepted;
      closeToAccepted.push(got.at - closedAt);
      bytes = got.bytes;
      ctx.log(`  round ${round}: accepted ${Math.round(got.at - closedAt)} ms after close (${Math.round(got.bytes / 1024)} KB)`);
    }
    const accepted = summarize(closeToAccepted);
    return {
      measurements: {
        'close → package accepted by the receiver': sequential(closeToAccepted),
        'POST transitions/close → 200': sequential(closeAck),
        'approve → minutes and notice PDFs ready': sequential(ready),
        'sign (minutes and notice)': sequential(sign),
      },
      values: {
        deliveryRounds: rounds,
        deliveryCloseToAcceptedP50Ms: round2(accepted.p50),
        deliveryCloseToAcceptedMaxMs: round2(accepted.max),
        deliveryPackageKB: round2(bytes / 1024),
        minutesReadyP50Ms: round2(summarize(ready).p50),
        minutesSignP50Ms: round2(summarize(sign).p50),
      },
    };
  },
});
