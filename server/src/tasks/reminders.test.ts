import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { ObjectId } from 'mongodb';
import type { Task } from '@e-cabinet/protocol';
import { buildTestApp, buildTestAppOn, login, makeMeeting, makeUnit, makeUser, type MeetingCast, type TestApp } from '../../test/helper.ts';
import type { TaskReminderDoc } from '../db/collections.ts';
import { dueReminder, reminderId, reminderTimes } from './task-reminders.ts';

/** A real SMTP server on loopback that keeps every message it receives. */
function startSmtp() {
  const received: ParsedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, _session, done) {
      simpleParser(stream)
        .then((mail) => {
          received.push(mail);
          done();
        })
        .catch(done);
    },
  });
  return new Promise<{ port: number; received: ParsedMail[]; close: () => Promise<void> }>((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      resolve({ port: (server.server.address() as AddressInfo).port, received, close: () => new Promise((r) => server.close(() => r())) });
    });
  });
}

const to = (m: ParsedMail) => (m.to && 'value' in m.to ? (m.to.value[0]?.address ?? '') : '');

describe('reminder schedule', () => {
  // Deadline: end of 10 May 2030 in Vietnam.
  const deadline = new Date('2030-05-10T16:59:59.999Z');
  const createdAt = new Date('2030-05-01T03:00:00.000Z');
  const task = { deadline, createdAt, status: 'todo' as const };

  it('falls at 08:00 Vietnam time three days and one day before, and once past the deadline', () => {
    expect(reminderTimes(deadline)).toEqual({
      due_3d: new Date('2030-05-07T01:00:00.000Z'),
      due_1d: new Date('2030-05-09T01:00:00.000Z'),
      overdue: new Date('2030-05-10T17:00:00.000Z'),
    });
    expect(dueReminder(task, new Date('2030-05-07T00:59:59.999Z'))).toBeNull();
    expect(dueReminder(task, new Date('2030-05-07T01:00:00.000Z'))).toBe('due_3d');
    expect(dueReminder(task, new Date('2030-05-09T05:00:00.000Z'))).toBe('due_1d');
    expect(dueReminder(task, new Date('2030-05-10T16:59:59.999Z'))).toBe('due_1d');
    expect(dueReminder(task, new Date('2030-05-10T17:00:00.000Z'))).toBe('overdue');
    expect(dueReminder({ ...task, status: 'done' }, new Date('2030-05-12T00:00:00.000Z'))).toBeNull();
  });

  it('sends nothing timed before the task existed, except overdue', () => {
    const late = { ...task, createdAt: new Date('2030-05-08T03:00:00.000Z') };
    expect(dueReminder(late, new Date('2030-05-08T04:00:00.000Z'))).toBeNull();
    expect(dueReminder(late, new Date('2030-05-09T01:00:00.000Z'))).toBe('due_1d');
    const lastMinute = { ...task, createdAt: new Date('2030-05-10T10:00:00.000Z') };
    expect(dueReminder(lastMinute, new Date('2030-05-10T12:00:00.000Z'))).toBeNull();
    expect(dueReminder(lastMinute, new Date('2030-05-11T00:00:00.000Z'))).toBe('overdue');
  });
});

describe('reminders across restarts', () => {
  const T0 = new Date('2030-05-01T03:00:00.000Z');
  const AT_3D = new Date('2030-05-07T02:00:00.000Z');
  const AT_1D = new Date('2030-05-09T02:00:00.000Z');
  const OVERDUE = new Date('2030-05-11T02:00:00.000Z');

  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let first: TestApp;
  let dbName: string;
  /** Apps started on the same database after `first`, still open. */
  const later: TestApp[] = [];
  let cast: MeetingCast;
  let personTask: Task;
  let unitTask: Task;
  const emails = { person: 'nguoi.duoc.giao@example.gov.vn', colleague: 'dong.nghiep@example.gov.vn', u2a: 'can.bo.a@example.gov.vn', u2b: 'can.bo.b@example.gov.vn', inactive: 'da.nghi@example.gov.vn' };

  const config = () => ({ smtpUrl: `smtp://127.0.0.1:${smtp.port}`, taskReminderIntervalMs: 3_600_000 });
  /** Lets every reminder email stored so far reach the SMTP server. */
  async function flush(app: TestApp) {
    app.outbox.kick();
    await app.outbox.idle();
    const pending = await app.db.collection('outbox').countDocuments({ key: /^task-reminder:/, status: { $ne: 'sent' } });
    expect(pending).toBe(0);
  }
  const count = (address: string) => smtp.received.filter((m) => to(m) === address).length;
  const counts = () => [count(emails.person), count(emails.colleague), count(emails.u2a), count(emails.u2b), count(emails.inactive)];

  beforeAll(async () => {
    smtp = await startSmtp();
    first = await buildTestApp(config());
    dbName = first.db.databaseName;
    first.tasks.clock = () => T0;
    cast = await makeMeeting(first, { status: 'ended', title: 'Họp giao ban tháng 5' });
    const unit = await makeUnit(first, { name: 'Sở Tài chính' });
    const unit2 = await makeUnit(first, { name: 'Sở Giao thông vận tải' });
    const person = await makeUser(first, { unitId: unit._id.toHexString(), email: emails.person, fullName: 'Trần Thị Bích' });
    await makeUser(first, { unitId: unit._id.toHexString(), email: emails.colleague });
    await makeUser(first, { unitId: unit2._id.toHexString(), email: emails.u2a });
    await makeUser(first, { unitId: unit2._id.toHexString(), email: emails.u2b });
    const gone = await makeUser(first, { unitId: unit2._id.toHexString(), email: emails.inactive });
    await first.db.collection('users').updateOne({ _id: gone._id }, { $set: { active: false } });
    const give = async (payload: Record<string, unknown>) => {
      const res = await first.inject({ method: 'POST', url: `/api/meetings/${cast.meetingId}/tasks`, headers: { cookie: cast.secretary.cookie }, payload: { itemId: cast.itemId, deadline: '2030-05-10', ...payload } });
      expect(res.statusCode, res.body).toBe(201);
      return res.json() as Task;
    };
    personTask = await give({ description: 'Báo cáo quyết toán ngân sách', assigneeUnitId: unit._id.toHexString(), assigneeUserId: person._id.toHexString() });
    unitTask = await give({ description: 'Rà soát các công trình chậm tiến độ', assigneeUnitId: unit2._id.toHexString() });
  });
  afterAll(async () => {
    // The last app still open drops the database; the others only close.
    const last = later.pop();
    for (const app of later) await app.close().catch(() => {});
    await (last ?? first).teardown();
    await smtp.close();
  });

  it('sends each reminder once: to the person named, else to the active users of the unit', async () => {
    await first.taskReminders.idle();
    expect(await first.taskReminders.tick()).toBe(0);

    first.tasks.clock = () => AT_3D;
    expect(await first.taskReminders.tick()).toBe(2);
    // Ticking again, even twice at once, finds them claimed.
    expect(await Promise.all([first.taskReminders.tick(), first.taskReminders.tick()])).toEqual([0, 0]);
    await flush(first);
    expect(counts()).toEqual([1, 0, 1, 1, 0]);
    const mail = smtp.received.find((m) => to(m) === emails.person)!;
    expect(mail.subject).toContain('Nhắc việc');
    expect(mail.subject).toContain('Báo cáo quyết toán ngân sách');
    expect(mail.text).toContain('Kính gửi Trần Thị Bích');
    expect(mail.text).toContain(`/tasks/${personTask.id}`);

    const person = await first.db.collection('users').findOne({ email: emails.person });
    const notes = await first.db.collection('notifications').find({ userId: person!._id }).toArray();
    expect(notes.map((n) => n.kind)).toEqual(['task.due_3d']);
    expect(notes[0]!.title).toContain('Báo cáo quyết toán ngân sách');
    // In the app, the reminder opens its task.
    const listed = await first.inject({ method: 'GET', url: '/api/notifications', headers: { cookie: await login(first, String(person!.username), 'MatKhau123') } });
    expect(listed.json().items[0]).toMatchObject({ kind: 'task.due_3d', taskId: personTask.id });
  });

  it('after a restart sends nothing twice, and goes on with the next reminders', async () => {
    await first.close();
    first.teardown = async () => {};
    const second = await buildTestAppOn(dbName, config());
    later.push(second);
    second.tasks.clock = () => AT_3D;
    await second.taskReminders.idle();
    expect(await second.taskReminders.tick()).toBe(0);

    second.tasks.clock = () => AT_1D;
    expect(await second.taskReminders.tick()).toBe(2);
    await flush(second);
    expect(counts()).toEqual([2, 0, 2, 2, 0]);
    await later.pop()!.close();

    // Two processes tick at the same moment (the second one's outbox is stopped: on FerretDB
    // one outbox worker sends), and a claim that a crash left unsent is finished exactly once.
    const third = await buildTestAppOn(dbName, config());
    const fourth = await buildTestAppOn(dbName, config());
    later.push(fourth, third);
    fourth.outbox.stop();
    third.tasks.clock = () => OVERDUE;
    fourth.tasks.clock = () => OVERDUE;
    await Promise.all([third.taskReminders.idle(), fourth.taskReminders.idle()]);
    const deadline = new Date(personTask.deadline);
    const crashed: TaskReminderDoc = { _id: reminderId({ _id: new ObjectId(personTask.id), deadline }, 'overdue'), taskId: new ObjectId(personTask.id), kind: 'overdue', deadline, claimedAt: OVERDUE, sentAt: null, recipients: 0 };
    await third.db.collection<TaskReminderDoc>('taskReminders').insertOne(crashed);
    const [a, b] = await Promise.all([third.taskReminders.tick(), fourth.taskReminders.tick()]);
    expect(a + b).toBe(1);
    await flush(third);
    expect(counts()).toEqual([3, 0, 3, 3, 0]);
    const claims = await third.db.collection<TaskReminderDoc>('taskReminders').find({}).toArray();
    expect(claims).toHaveLength(6);
    expect(claims.every((c) => c.sentAt !== null)).toBe(true);
    expect(claims.find((c) => c._id === crashed._id)?.recipients).toBe(1);
  });

  it('a moved deadline has reminders of its own; a task done gets none', async () => {
    const app = later.at(-1)!;
    app.tasks.clock = () => new Date('2030-05-11T03:00:00.000Z');
    for (const task of [personTask, unitTask]) {
      const res = await app.inject({ method: 'PATCH', url: `/api/tasks/${task.id}`, headers: { cookie: cast.secretary.cookie }, payload: { version: 1, deadline: '2030-05-20' } });
      expect(res.statusCode, res.body).toBe(200);
    }
    const done = await app.inject({ method: 'PATCH', url: `/api/tasks/${unitTask.id}`, headers: { cookie: cast.secretary.cookie }, payload: { version: 2, status: 'done' } });
    expect(done.json()).toMatchObject({ status: 'done' });
    expect(await app.taskReminders.tick()).toBe(0);
    app.tasks.clock = () => new Date('2030-05-17T02:00:00.000Z');
    expect(await app.taskReminders.tick()).toBe(1);
    await flush(app);
    expect(counts()).toEqual([4, 0, 3, 3, 0]);
    expect(new Set(smtp.received.map((m) => m.messageId)).size).toBe(smtp.received.length);
  });
});
