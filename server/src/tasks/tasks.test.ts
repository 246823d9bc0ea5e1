import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Task, TaskDashboard, TaskDetail } from '@e-cabinet/protocol';
import { buildTestApp, makeMeeting, makeUnit, signedIn, type MeetingCast, type TestApp } from '../../test/helper.ts';
import { makePdf } from '../../test/files.ts';

/** 10:00 on 1 May 2030 in Vietnam: the app's clock for this file. */
const T0 = new Date('2030-05-01T03:00:00.000Z');

let app: TestApp;
let cast: MeetingCast;
let unitA: string;
let unitB: string;
let alice: { cookie: string; id: string };
let andy: { cookie: string; id: string };
let bob: { cookie: string; id: string };
let admin: { cookie: string };

function setNow(at: Date) {
  app.tasks.clock = () => at;
}

function give(cookie: string, body: Record<string, unknown>, meetingId = cast.meetingId) {
  return app.inject({ method: 'POST', url: `/api/meetings/${meetingId}/tasks`, headers: { cookie }, payload: { itemId: cast.itemId, ...body } });
}

async function newTask(body: Record<string, unknown> = {}): Promise<Task> {
  const res = await give(cast.secretary.cookie, { description: 'Hoàn thiện báo cáo', assigneeUnitId: unitA, deadline: '2030-05-10', ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

function patch(cookie: string, id: string, body: Record<string, unknown>) {
  return app.inject({ method: 'PATCH', url: `/api/tasks/${id}`, headers: { cookie }, payload: body });
}

beforeAll(async () => {
  app = await buildTestApp({ taskReminderIntervalMs: 3_600_000 });
  setNow(T0);
  cast = await makeMeeting(app, { status: 'live' });
  unitA = (await makeUnit(app, { name: 'Sở Tài chính' }))._id.toHexString();
  unitB = (await makeUnit(app, { name: 'Sở Xây dựng' }))._id.toHexString();
  const a = await signedIn(app, { unitId: unitA });
  const a2 = await signedIn(app, { unitId: unitA });
  const b = await signedIn(app, { unitId: unitB });
  alice = { cookie: a.cookie, id: a.user._id.toHexString() };
  andy = { cookie: a2.cookie, id: a2.user._id.toHexString() };
  bob = { cookie: b.cookie, id: b.user._id.toHexString() };
  admin = await signedIn(app, { role: 'admin' });
});
afterAll(async () => {
  await app.teardown();
});

describe('giving tasks', () => {
  it('stores a task; a bare date means the end of that day in Vietnam; text is NFC', async () => {
    const decomposed = 'Rà soát đề án'.normalize('NFD');
    const res = await give(cast.chair.cookie, { description: `  ${decomposed}  `, assigneeUnitId: unitA, assigneeUserId: alice.id, deadline: '2030-05-10', priority: 'high', conclusionRef: 'KL-1' });
    expect(res.statusCode, res.body).toBe(201);
    const task: Task = res.json();
    expect(task).toMatchObject({
      description: 'Rà soát đề án',
      assigneeUnitId: unitA,
      assigneeUnitName: 'Sở Tài chính',
      assigneeUserId: alice.id,
      deadline: '2030-05-10T16:59:59.999Z',
      priority: 'high',
      status: 'todo',
      progress: 0,
      conclusionRef: 'KL-1',
      itemTitle: 'Báo cáo kinh tế - xã hội',
      version: 1,
      overdue: false,
      canManage: true,
    });
    const audit = await app.audit.list({ limit: 5, action: 'task.created' });
    expect(audit[0]?.target).toBe(task.id);
  });

  it('refuses bad input and changes nothing', async () => {
    const before = await app.db.collection('tasks').countDocuments();
    const cases: [Record<string, unknown>, number, string, string?][] = [
      [{ description: ' ', assigneeUnitId: unitA, deadline: '2030-05-10' }, 400, 'VALIDATION', '/description'],
      [{ description: 'x'.repeat(2001), assigneeUnitId: unitA, deadline: '2030-05-10' }, 400, 'VALIDATION', '/description'],
      [{ description: 'Việc', assigneeUnitId: unitA, deadline: '2030-02-30' }, 400, 'VALIDATION', '/deadline'],
      [{ description: 'Việc', assigneeUnitId: unitA, deadline: 'tomorrow' }, 400, 'VALIDATION', '/deadline'],
      [{ description: 'Việc', assigneeUnitId: unitA, deadline: '2030-04-30' }, 400, 'TASK_DEADLINE_PAST', '/deadline'],
      [{ description: 'Việc', assigneeUnitId: unitA, deadline: '2030-05-10', priority: 'asap' }, 400, 'VALIDATION', '/priority'],
      [{ description: 'Việc', assigneeUnitId: 'f'.repeat(24), deadline: '2030-05-10' }, 400, 'UNIT_NOT_FOUND', '/assigneeUnitId'],
      [{ description: 'Việc', assigneeUnitId: unitA, assigneeUserId: bob.id, deadline: '2030-05-10' }, 400, 'TASK_ASSIGNEE_NOT_IN_UNIT', '/assigneeUserId'],
      [{ description: 'Việc', assigneeUnitId: unitA, deadline: '2030-05-10', itemId: 'a'.repeat(24) }, 400, 'VALIDATION', '/itemId'],
      [{ description: 'Việc', assigneeUnitId: unitA, deadline: '2030-05-10', extra: 1 }, 400, 'VALIDATION'],
    ];
    for (const [body, status, code, field] of cases) {
      const res = await give(cast.secretary.cookie, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(status);
      expect(res.json().code).toBe(code);
      if (field) expect(Object.keys(res.json().fields ?? {}), JSON.stringify(body)).toContain(field);
    }
    // Today is still allowed.
    expect((await give(cast.secretary.cookie, { description: 'Việc hôm nay', assigneeUnitId: unitA, deadline: '2030-05-01' })).statusCode).toBe(201);
    expect(await app.db.collection('tasks').countDocuments()).toBe(before + 1);
  });

  it('only the organisers give tasks, only once the meeting has started; others do not learn it exists', async () => {
    const body = { description: 'Việc', assigneeUnitId: unitA, deadline: '2030-05-10' };
    expect((await give(cast.member.cookie, body)).statusCode).toBe(403);
    expect((await give(cast.outsider.cookie, body)).statusCode).toBe(404);
    expect((await give(alice.cookie, body)).statusCode).toBe(404);
    const published = await makeMeeting(app, { status: 'published' });
    const res = await app.inject({ method: 'POST', url: `/api/meetings/${published.meetingId}/tasks`, headers: { cookie: published.secretary.cookie }, payload: { ...body, itemId: published.itemId } });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('TASK_MEETING_NOT_STARTED');
  });
});

describe('who sees a task', () => {
  it('organisers, the unit, the person and admins; everyone else gets 404', async () => {
    const task = await newTask({ assigneeUserId: alice.id });
    for (const cookie of [cast.secretary.cookie, cast.chair.cookie, alice.cookie, andy.cookie, admin.cookie]) {
      const res = await app.inject({ url: `/api/tasks/${task.id}`, headers: { cookie } });
      expect(res.statusCode).toBe(200);
    }
    for (const cookie of [bob.cookie, cast.member.cookie, cast.outsider.cookie]) {
      expect((await app.inject({ url: `/api/tasks/${task.id}`, headers: { cookie } })).statusCode).toBe(404);
      expect((await patch(cookie, task.id, { version: 1, progress: 10 })).statusCode).toBe(404);
      expect((await app.inject({ url: `/api/tasks/${task.id}/result`, headers: { cookie } })).statusCode).toBe(404);
    }
    const memberList = (await app.inject({ url: `/api/meetings/${cast.meetingId}/tasks`, headers: { cookie: cast.member.cookie } })).json().items as Task[];
    expect(memberList.find((t) => t.id === task.id)).toBeUndefined();
    const organiserList = (await app.inject({ url: `/api/meetings/${cast.meetingId}/tasks`, headers: { cookie: cast.secretary.cookie } })).json().items as Task[];
    expect(organiserList.find((t) => t.id === task.id)).toMatchObject({ canManage: true, canReport: true });
    expect((await app.inject({ url: `/api/meetings/${cast.meetingId}/tasks`, headers: { cookie: cast.outsider.cookie } })).statusCode).toBe(404);
    const mine = (await app.inject({ url: '/api/tasks/mine', headers: { cookie: andy.cookie } })).json().items as Task[];
    expect(mine.find((t) => t.id === task.id)).toMatchObject({ canManage: false, canReport: true });
    expect(((await app.inject({ url: '/api/tasks/mine', headers: { cookie: bob.cookie } })).json().items as Task[]).some((t) => t.id === task.id)).toBe(false);
  });
});

describe('progress', () => {
  it('assignees report progress and finish; stale versions and organiser-only changes are refused', async () => {
    const task = await newTask();
    let res = await patch(alice.cookie, task.id, { version: 1, progress: 40, note: 'Đã thu thập số liệu' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'in_progress', progress: 40, version: 2 });

    // Andy read version 1 too: his change is refused, nothing changes.
    res = await patch(andy.cookie, task.id, { version: 1, progress: 90 });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('CONFLICT');
    res = await patch(alice.cookie, task.id, { version: 2, deadline: '2030-06-30' });
    expect(res.statusCode).toBe(403);
    res = await patch(alice.cookie, task.id, { version: 2, status: 'cancelled' });
    expect(res.statusCode).toBe(403);
    res = await patch(alice.cookie, task.id, { version: 2, progress: 101 });
    expect(res.statusCode).toBe(400);

    res = await patch(cast.secretary.cookie, task.id, { version: 2, deadline: '2030-05-20', priority: 'urgent', assigneeUnitId: unitA, assigneeUserId: andy.id });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ deadline: '2030-05-20T16:59:59.999Z', priority: 'urgent', assigneeUserId: andy.id, version: 3 });

    setNow(new Date('2030-05-15T03:00:00.000Z'));
    res = await patch(andy.cookie, task.id, { version: 3, status: 'done', note: 'Đã gửi báo cáo' });
    expect(res.json()).toMatchObject({ status: 'done', progress: 100, doneAt: '2030-05-15T03:00:00.000Z', onTime: true, overdue: false, version: 4 });
    setNow(T0);

    const detail: TaskDetail = (await app.inject({ url: `/api/tasks/${task.id}`, headers: { cookie: alice.cookie } })).json();
    expect(detail.history.map((h) => [h.version, h.kind, h.status, h.progress, h.note])).toEqual([
      [1, 'created', 'todo', 0, ''],
      [2, 'progress', 'in_progress', 40, 'Đã thu thập số liệu'],
      [3, 'edited', 'in_progress', 40, ''],
      [4, 'progress', 'done', 100, 'Đã gửi báo cáo'],
    ]);
    expect(detail.history[2]?.fields).toEqual(['deadline', 'priority', 'assignee']);
    expect(detail.history[3]?.byId).toBe(andy.id);
  });

  it('moving a task to another unit drops the person; a person must belong to the unit', async () => {
    const task = await newTask({ assigneeUserId: alice.id });
    let res = await patch(cast.chair.cookie, task.id, { version: 1, assigneeUnitId: unitB });
    expect(res.json()).toMatchObject({ assigneeUnitId: unitB, assigneeUserId: null });
    res = await patch(cast.chair.cookie, task.id, { version: 2, assigneeUserId: alice.id });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('TASK_ASSIGNEE_NOT_IN_UNIT');
    // The old unit no longer sees it.
    expect((await app.inject({ url: `/api/tasks/${task.id}`, headers: { cookie: alice.cookie } })).statusCode).toBe(404);
    expect((await app.inject({ url: `/api/tasks/${task.id}`, headers: { cookie: bob.cookie } })).statusCode).toBe(200);
  });

  it('a cancelled task is frozen until an organiser reopens it', async () => {
    const task = await newTask();
    expect((await patch(cast.secretary.cookie, task.id, { version: 1, status: 'cancelled', note: 'Không còn cần thiết' })).json()).toMatchObject({ status: 'cancelled', canReport: false });
    let res = await patch(alice.cookie, task.id, { version: 2, progress: 10 });
    expect(res.json().code).toBe('TASK_CANCELLED');
    res = await patch(alice.cookie, task.id, { version: 2, status: 'in_progress' });
    expect(res.json().code).toBe('TASK_CANCELLED');
    res = await patch(cast.secretary.cookie, task.id, { version: 2, status: 'todo' });
    expect(res.json()).toMatchObject({ status: 'todo', version: 3 });
  });

  it('done after the deadline is late; an open task past it is overdue, listed for the chair', async () => {
    const late = await newTask({ description: 'Việc làm muộn', deadline: '2030-05-03' });
    const overdue = await newTask({ description: 'Việc quá hạn', deadline: '2030-05-03' });
    const soon = await newTask({ description: 'Việc sắp đến hạn', deadline: '2030-05-07' });
    // 00:30 on 4 May in Vietnam: the deadline (end of 3 May) has just passed.
    setNow(new Date('2030-05-03T17:30:00.000Z'));
    try {
      const done = await patch(alice.cookie, late.id, { version: 1, status: 'done' });
      expect(done.json()).toMatchObject({ status: 'done', onTime: false });
      const got: Task = (await app.inject({ url: `/api/tasks/${overdue.id}`, headers: { cookie: alice.cookie } })).json().task;
      expect(got.overdue).toBe(true);

      const overdueMine = (await app.inject({ url: '/api/tasks/mine?due=overdue', headers: { cookie: alice.cookie } })).json().items as Task[];
      expect(overdueMine.map((t) => t.id)).toContain(overdue.id);
      expect(overdueMine.map((t) => t.id)).not.toContain(late.id);
      const soonMine = (await app.inject({ url: '/api/tasks/mine?due=soon', headers: { cookie: alice.cookie } })).json().items as Task[];
      expect(soonMine.map((t) => t.id)).toContain(soon.id);
      expect(soonMine.map((t) => t.id)).not.toContain(overdue.id);
      const doneMine = (await app.inject({ url: '/api/tasks/mine?status=done', headers: { cookie: alice.cookie } })).json().items as Task[];
      expect(doneMine.every((t) => t.status === 'done')).toBe(true);
      expect(doneMine.map((t) => t.id)).toContain(late.id);

      const overview = (await app.inject({ url: '/api/tasks/overview', headers: { cookie: cast.chair.cookie } })).json();
      expect(overview.overdue.map((t: Task) => t.id)).toContain(overdue.id);
      expect(overview.dueSoon.map((t: Task) => t.id)).toContain(soon.id);
      expect(overview.dueSoon.map((t: Task) => t.id)).not.toContain(overdue.id);
      // Someone who runs no meeting sees nothing in the overview.
      const bobs = (await app.inject({ url: '/api/tasks/overview', headers: { cookie: bob.cookie } })).json();
      expect(bobs).toEqual({ overdue: [], dueSoon: [] });
    } finally {
      setNow(T0);
    }
  });
});

describe('dashboard', () => {
  it('counts per unit and overall, with the on-time rate', async () => {
    const fresh = await makeMeeting(app, { status: 'ended' });
    const unitC = (await makeUnit(app, { name: 'Sở Y tế' }))._id.toHexString();
    const unitD = (await makeUnit(app, { name: 'Sở Nội vụ' }))._id.toHexString();
    const c = await signedIn(app, { unitId: unitC });
    const giveIn = async (unitId: string, deadline: string) => {
      const res = await app.inject({ method: 'POST', url: `/api/meetings/${fresh.meetingId}/tasks`, headers: { cookie: fresh.secretary.cookie }, payload: { itemId: fresh.itemId, description: 'Việc', assigneeUnitId: unitId, deadline } });
      expect(res.statusCode, res.body).toBe(201);
      return res.json() as Task;
    };
    const onTime = await giveIn(unitC, '2030-05-05');
    const late = await giveIn(unitC, '2030-05-02');
    await giveIn(unitC, '2030-05-02'); // will be overdue
    await giveIn(unitC, '2030-06-01'); // open
    const cancelled = await giveIn(unitC, '2030-06-01');
    await giveIn(unitD, '2030-06-01'); // open, other unit

    await patch(c.cookie, onTime.id, { version: 1, status: 'done' });
    await patch(fresh.secretary.cookie, cancelled.id, { version: 1, status: 'cancelled' });
    setNow(new Date('2030-05-03T03:00:00.000Z'));
    try {
      await patch(c.cookie, late.id, { version: 1, status: 'done' });
      const res = await app.inject({ url: '/api/tasks/dashboard', headers: { cookie: fresh.secretary.cookie } });
      expect(res.statusCode, res.body).toBe(200);
      const board: TaskDashboard = res.json();
      expect(board.overall).toEqual({ assigned: 5, doneOnTime: 1, doneLate: 1, overdue: 1, open: 2, onTimeRate: 1 / 3 });
      expect(board.units.map((u) => u.unitName)).toEqual(['Sở Nội vụ', 'Sở Y tế']);
      expect(board.units.find((u) => u.unitId === unitC)).toEqual({ unitId: unitC, unitName: 'Sở Y tế', assigned: 4, doneOnTime: 1, doneLate: 1, overdue: 1, open: 1, onTimeRate: 1 / 3 });
      expect(board.units.find((u) => u.unitId === unitD)).toMatchObject({ assigned: 1, open: 1, onTimeRate: null });

      const one = (await app.inject({ url: `/api/tasks/dashboard?unitId=${unitD}`, headers: { cookie: fresh.secretary.cookie } })).json() as TaskDashboard;
      expect(one.units.map((u) => u.unitId)).toEqual([unitD]);
      expect(one.overall.assigned).toBe(1);
      // A unit member sees only their unit's tasks; an outsider sees none.
      const theirs = (await app.inject({ url: '/api/tasks/dashboard', headers: { cookie: c.cookie } })).json() as TaskDashboard;
      expect(theirs.units.map((u) => u.unitId)).toEqual([unitC]);
      const none = (await app.inject({ url: '/api/tasks/dashboard', headers: { cookie: fresh.outsider.cookie } })).json() as TaskDashboard;
      expect(none.overall.assigned).toBe(0);
    } finally {
      setNow(T0);
    }
  });
});

describe('result document', () => {
  const uploadResult = (cookie: string, id: string, bytes: Buffer, filename: string) =>
    app.inject({ method: 'POST', url: `/api/tasks/${id}/result?filename=${encodeURIComponent(filename)}`, headers: { cookie, 'content-type': 'application/octet-stream' }, payload: bytes });

  it('takes a PDF and serves it back; refuses garbage and broken PDFs, storing nothing', async () => {
    const task = await newTask();
    const files = () => app.db.collection('taskResults.files').countDocuments();
    const before = await files();
    let res = await uploadResult(alice.cookie, task.id, Buffer.from('this is not a document at all'), 'ket-qua.pdf');
    expect(res.statusCode).toBe(415);
    expect(res.json().code).toBe('FILE_TYPE_NOT_ALLOWED');
    const pdf = await makePdf(2);
    res = await uploadResult(alice.cookie, task.id, pdf.subarray(0, pdf.length - 200), 'hong.pdf');
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('PDF_CORRUPT');
    expect((await uploadResult(bob.cookie, task.id, pdf, 'ket-qua.pdf')).statusCode).toBe(404);
    expect(await files()).toBe(before);
    expect((await app.inject({ url: `/api/tasks/${task.id}/result`, headers: { cookie: alice.cookie } })).json().code).toBe('TASK_NO_RESULT');

    res = await uploadResult(alice.cookie, task.id, pdf, 'Báo cáo kết quả.pdf');
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ result: { filename: 'Báo cáo kết quả.pdf', contentType: 'application/pdf', size: pdf.length }, version: 2 });
    expect(await files()).toBe(before + 1);

    const file = await app.inject({ url: `/api/tasks/${task.id}/result`, headers: { cookie: cast.chair.cookie } });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.rawPayload.equals(pdf)).toBe(true);
    const detail: TaskDetail = (await app.inject({ url: `/api/tasks/${task.id}`, headers: { cookie: alice.cookie } })).json();
    expect(detail.history.at(-1)).toMatchObject({ kind: 'result', resultFilename: 'Báo cáo kết quả.pdf' });
  });
});
