import os from 'node:os';
import { COLLAB_PATH, collabParams, docNames, type Me, type Meeting, type MeetingDocument, type User } from '@e-cabinet/protocol';
import { startBareYjsServer } from '../bare-yjs.ts';
import { defineCase, type CaseContext, type Measurement } from '../case.ts';
import { openStrokeSession, pooledRun, type StrokeDraw, type StrokeRun, type StrokeWorkload } from '../collab-load.ts';
import { positiveInt } from '../env.ts';
import { ADMIN, api, signIn } from '../http.ts';
import { mapLimit } from '../load.ts';
import { scannedPdf } from '../pdf.ts';
import { databasePids } from '../proc.ts';
import { round2, summarize } from '../stats.ts';
import { ratio } from '../stroke-latency.ts';

/** Seeded by SEED_DEMO=true (server/src/seed/demo-data.ts). */
const SECRETARY = { username: 'thuky', password: 'ThuKy@2026' };
const CHAIR = { username: 'chutich', password: 'ChuTich@2026' };
const VIEWER_PASSWORD = 'DaiBieu@Bench2026';

const DEFAULT_VIEWERS = 100;
const DEFAULT_STROKES = 200;
const DEFAULT_INTERVAL_MS = 20;
const WARMUP_STROKES = 20;
/** Turns each server gets (ABBA order); every turn is the whole stroke workload. */
const DEFAULT_REPEATS = 4;
/** Generous: a stroke not seen 10 s after the last one was sent is lost, not late. */
const DEADLINE_MS = 10_000;
const CONNECT_CONCURRENCY = 20;
/** argon2 (creating and signing in users) is the slow part of setting up; 2 cores, a few at a time. */
const ARGON_CONCURRENCY = 4;

interface Setup {
  docName: string;
  writer: { cookie: string; id: string; name: string };
  viewerCookies: string[];
}

/**
 * As in a real meeting: `viewers` delegate accounts created by the admin, all members of one
 * meeting that the secretary creates, fills with a PDF and publishes after the chair approves;
 * each delegate signs in with its own session. The chair is the writer.
 */
async function setUp(ctx: CaseContext, viewers: number): Promise<Setup> {
  const base = ctx.baseUrl;
  const [admin, secretary, chair] = await Promise.all([signIn(base, ADMIN), signIn(base, SECRETARY), signIn(base, CHAIR)]);
  ctx.log(`  creating ${viewers} delegate accounts`);
  const users = await mapLimit(viewers, ARGON_CONCURRENCY, (i) =>
    api<User>(base, admin, 'POST', '/api/users', { username: `bench.viewer${String(i + 1).padStart(3, '0')}`, fullName: `Đại biểu thử tải ${i + 1}`, role: 'delegate', password: VIEWER_PASSWORD }),
  );
  const { user: chairUser } = await api<Me>(base, chair, 'GET', '/api/auth/me');

  const start = new Date(Date.now() + 86400_000);
  const meeting = await api<Meeting>(base, secretary, 'POST', '/api/meetings', {
    title: 'Phiên họp thử tải chú thích',
    kind: 'regular',
    startsAt: start.toISOString(),
    endsAt: new Date(start.getTime() + 3 * 3600_000).toISOString(),
    participants: [{ userId: chairUser.id, role: 'chair' }, ...users.map((u) => ({ userId: u.id, role: 'member' }))],
  });
  const agenda = await api<{ items: { id: string }[] }>(base, secretary, 'POST', `/api/meetings/${meeting.id}/agenda`, { title: 'Báo cáo kinh tế - xã hội', durationMinutes: 30 });
  const itemId = agenda.items[0]!.id;
  const res = await fetch(`${base}/api/meetings/${meeting.id}/agenda/${itemId}/documents?filename=bao-cao.pdf`, {
    method: 'POST',
    headers: { cookie: secretary, 'content-type': 'application/octet-stream' },
    body: scannedPdf(300),
  });
  const text = await res.text();
  if (res.status !== 201) throw new Error(`upload: HTTP ${res.status} ${text.slice(0, 300)}`);
  const versionId = (JSON.parse(text) as MeetingDocument).current.id;
  for (const [who, transition] of [[secretary, 'submit'], [chair, 'approve'], [secretary, 'publish']] as const) {
    await api(base, who, 'POST', `/api/meetings/${meeting.id}/transitions/${transition}`);
  }

  ctx.log(`  signing in ${viewers} delegates`);
  const viewerCookies = await mapLimit(viewers, ARGON_CONCURRENCY, (i) => signIn(base, { username: users[i]!.username, password: VIEWER_PASSWORD }));
  return { docName: docNames.annShared(meeting.id, versionId), writer: { cookie: chair, id: chairUser.id, name: chairUser.fullName }, viewerCookies };
}


/** `wire` (default) or `yjs`, see viewer-worker.ts. */
function viewerKind(raw: string | undefined): 'wire' | 'yjs' {
  if (raw === undefined || raw === '' || raw === 'wire') return 'wire';
  if (raw === 'yjs') return 'yjs';
  throw new Error(`BENCH_ANNOTATION_VIEWER: expected wire or yjs, got "${raw}"`);
}

function settings() {
  return {
    viewers: positiveInt(process.env, 'BENCH_ANNOTATION_VIEWERS', DEFAULT_VIEWERS),
    strokes: positiveInt(process.env, 'BENCH_ANNOTATION_STROKES', DEFAULT_STROKES),
    intervalMs: positiveInt(process.env, 'BENCH_ANNOTATION_INTERVAL_MS', DEFAULT_INTERVAL_MS),
    threads: positiveInt(process.env, 'BENCH_ANNOTATION_THREADS', os.cpus().length),
    repeats: positiveInt(process.env, 'BENCH_ANNOTATION_REPEATS', DEFAULT_REPEATS),
    viewer: viewerKind(process.env.BENCH_ANNOTATION_VIEWER),
  };
}

/**
 * The shared annotation layer under a live meeting: one writer's strokes fanned out to every
 * viewer. Then the same workload against a bare @y/websocket-server (no auth, no persistence) in
 * its own process, as the yardstick: the ratio is what our auth, store-before-broadcast
 * persistence and bookkeeping cost on top of the protocol itself.
 */
export default defineCase({
  name: 'annotation',
  description: `One writer draws ${DEFAULT_STROKES} ink strokes ${DEFAULT_INTERVAL_MS} ms apart on a shared annotation doc watched by ${DEFAULT_VIEWERS} signed-in delegates, and the same on a bare y-websocket server, taking turns in ABBA order (BENCH_ANNOTATION_VIEWERS, _STROKES, _INTERVAL_MS, _THREADS, _REPEATS override)`,
  async run(ctx) {
    const { viewers, strokes, intervalMs, threads, repeats, viewer } = settings();
    const setup = await setUp(ctx, viewers);
    const workload: StrokeWorkload = {
      strokes,
      intervalMs,
      warmupStrokes: Math.min(WARMUP_STROKES, strokes),
      deadlineMs: DEADLINE_MS,
      connectConcurrency: CONNECT_CONCURRENCY,
      viewerThreads: threads,
      viewer,
      author: { id: setup.writer.id, name: setup.writer.name },
    };

    // Turns in ABBA order (ours, bare, bare, ours): drift in what else the machine does falls on
    // both alike, not on whichever ran last. Each turn connects its own writer and viewers, warms
    // up, draws the whole workload and disconnects, so one server's idle clients never load the
    // other's turn.
    ctx.log('  bare @y/websocket-server: starting it');
    const bare = await startBareYjsServer(ctx.log);
    let ours: StrokeRun;
    let baseline: StrokeRun;
    try {
      const ourEndpoint = { serverUrl: `${ctx.baseUrl.replace(/^http/, 'ws')}${COLLAB_PATH}`, docName: setup.docName, params: collabParams() };
      const bareEndpoint = { serverUrl: bare.wsUrl, docName: setup.docName, params: {} };
      const turn = async (who: 'ours' | 'bare'): Promise<StrokeDraw> => {
        const session =
          who === 'ours'
            ? await openStrokeSession(ourEndpoint, setup.writer.cookie, setup.viewerCookies, workload, { serverPid: ctx.serverPid, databasePids: databasePids(ctx.serverPid), log: ctx.log })
            : await openStrokeSession(bareEndpoint, null, setup.viewerCookies.map(() => null), workload, { serverPid: bare.pid, databasePids: [], log: ctx.log });
        try {
          if (workload.warmupStrokes > 0) await session.draw(workload.warmupStrokes);
          return await session.draw(strokes);
        } finally {
          await session.close();
        }
      };
      const ourDraws: StrokeDraw[] = [];
      const bareDraws: StrokeDraw[] = [];
      for (let round = 0; round < repeats; round++) {
        const order = round % 2 === 0 ? (['ours', 'bare'] as const) : (['bare', 'ours'] as const);
        for (const who of order) {
          ctx.log(`  turn ${round + 1}/${repeats}, ${who === 'ours' ? 'e-cabinet /collab' : 'bare @y/websocket-server'}: ${workload.warmupStrokes} warm-up strokes, then ${strokes}, one every ${intervalMs} ms`);
          const drawn = await turn(who);
          (who === 'ours' ? ourDraws : bareDraws).push(drawn);
          const turnMs = summarize(drawn.tracker.latencies());
          ctx.log(`    p50 ${turnMs.p50.toFixed(1)} ms, p99 ${turnMs.p99.toFixed(1)} ms, max ${turnMs.max.toFixed(1)} ms, lost ${drawn.tracker.lost}`);
        }
      }
      ours = pooledRun(ourDraws, workload.deadlineMs);
      baseline = pooledRun(bareDraws, workload.deadlineMs);
    } finally {
      await bare.stop();
    }

    const label = `${viewers} viewers × ${strokes} strokes`;
    const measurements: Record<string, Measurement> = { [`stroke → each viewer (${label})`]: ours.pairs };
    if (ours.lastViewer) measurements['stroke → last viewer'] = ours.lastViewer;
    measurements['bare y-websocket: stroke → each viewer'] = baseline.pairs;
    if (baseline.lastViewer) measurements['bare y-websocket: stroke → last viewer'] = baseline.lastViewer;
    return {
      measurements,
      values: {
        annotationP50Ms: round2(ours.pairs.latencyMs.p50),
        annotationP99Ms: round2(ours.pairs.latencyMs.p99),
        annotationLost: ours.lost,
        annotationVsBareRatio: ratio(ours.pairs.latencyMs.p99, baseline.pairs.latencyMs.p99),
        bareP50Ms: round2(baseline.pairs.latencyMs.p50),
        bareP99Ms: round2(baseline.pairs.latencyMs.p99),
        bareLost: baseline.lost,
        viewers,
        strokes,
        intervalMs,
        viewerThreads: threads,
        repeats,
        viewerYjsDocs: viewer === 'yjs' ? 1 : 0,
        annotationDisconnects: ours.disconnects,
        bareDisconnects: baseline.disconnects,
        annotationServerCpuPercent: ours.cpu.server,
        ...(ours.cpu.database === null ? {} : { annotationDatabaseCpuPercent: ours.cpu.database }),
        annotationBenchCpuPercent: ours.cpu.bench,
        bareServerCpuPercent: baseline.cpu.server,
        bareBenchCpuPercent: baseline.cpu.bench,
      },
    };
  },
});
