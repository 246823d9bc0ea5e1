import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ObjectId } from 'mongodb';
import { buildTestApp, listen, type TestApp } from '../../test/helper.ts';
import { applyEvent, Client, makeLiveMeeting, transition, type LiveCast } from './live-cast.ts';

let app: TestApp;
let baseUrl: string;
let cast: LiveCast;
const open: Client[] = [];

beforeAll(async () => {
  app = await buildTestApp();
  baseUrl = await listen(app);
  cast = await makeLiveMeeting(app, { crowd: 40 });
  await transition(app, cast, 'start');
});
afterAll(async () => {
  for (const c of open) c.close();
  await app.teardown();
});

async function connect(who: LiveCast['chair']): Promise<Client> {
  const client = await Client.connect(baseUrl, who);
  open.push(client);
  return client;
}

const oid = (id: string) => new ObjectId(id);

describe('the live meeting under concurrent commands', () => {
  it('keeps one attendance record for 20 check-ins of one delegate at once, and tells it once', async () => {
    const member = cast.members[0]!;
    const tablets = await Promise.all([0, 1, 2, 3].map(() => connect(member)));
    const acks = await Promise.all(Array.from({ length: 20 }, (_, i) => tablets[i % 4]!.socket.emitWithAck('live:attendance:checkIn', { meetingId: cast.meetingId })));
    expect(acks.every((a) => a.ok && a.entry.status === 'present')).toBe(true);
    expect(acks.filter((a) => a.ok && a.seq !== null)).toHaveLength(1);
    expect(await app.db.collection('attendance').countDocuments({ meetingId: oid(cast.meetingId), userId: member.user._id })).toBe(1);
    expect(new Set(acks.map((a) => (a.ok ? a.entry.checkedInAt : null))).size).toBe(1);
  });

  it('numbers events without gaps while everyone checks in at once, ending with the true quorum', async () => {
    const watcher = await connect(cast.observer);
    const start = await watcher.sync(cast.meetingId);
    const people = [cast.chair, ...cast.members, cast.invitee, cast.secretary];
    const clients = await Promise.all(people.map(connect));
    const desks = await Promise.all([0, 1, 2, 3].map(() => connect(cast.secretary)));
    const acks = await Promise.all([
      ...clients.map((c) => c.socket.emitWithAck('live:attendance:checkIn', { meetingId: cast.meetingId })),
      ...cast.crowd.map((u, i) => desks[i % desks.length]!.socket.emitWithAck('live:attendance:checkIn', { meetingId: cast.meetingId, userId: u._id.toHexString() })),
    ]);
    const seqs = acks.flatMap((a) => (a.ok && a.seq !== null ? [a.seq] : []));
    // Everyone not present yet changed something.
    expect(seqs).toHaveLength(start.attendance.filter((e) => e.status !== 'present').length);
    const last = Math.max(...seqs);
    await watcher.event(last);
    expect(watcher.events.map((e) => e.seq)).toEqual(Array.from({ length: last - start.seq }, (_, i) => start.seq + 1 + i));
    const rebuilt = watcher.events.reduce(applyEvent, start);
    expect(rebuilt.quorum).toMatchObject({ members: 46, present: 46, met: true });
    expect({ ...rebuilt, serverTime: 0 }).toEqual({ ...(await watcher.sync(cast.meetingId)), serverTime: 0 });
  });

  it('never lets two racing proxies share a principal or a holder, or form a chain', async () => {
    const secretary = await connect(cast.secretary);
    const [, a, b, c, d] = cast.members;
    // Principals must be away for a proxy: they came and left.
    for (const who of [a!, b!]) {
      expect(await secretary.socket.emitWithAck('live:attendance:checkIn', { meetingId: cast.meetingId, userId: who.id })).toMatchObject({ ok: true });
      expect(await secretary.socket.emitWithAck('live:attendance:leave', { meetingId: cast.meetingId, userId: who.id })).toMatchObject({ ok: true });
    }

    for (let round = 0; round < 3; round++) {
      const [sa, sb] = await Promise.all([connect(a!), connect(b!)]);
      const grants = await Promise.all([
        sa.socket.emitWithAck('live:proxy:grant', { meetingId: cast.meetingId, holderId: c!.id }),
        sb.socket.emitWithAck('live:proxy:grant', { meetingId: cast.meetingId, holderId: c!.id }),
        secretary.socket.emitWithAck('live:proxy:grant', { meetingId: cast.meetingId, principalId: a!.id, holderId: d!.id }),
        secretary.socket.emitWithAck('live:proxy:grant', { meetingId: cast.meetingId, principalId: b!.id, holderId: d!.id }),
      ]);
      const active = await app.db.collection('proxies').find({ meetingId: oid(cast.meetingId), revokedAt: null }).toArray();
      expect(grants.filter((g) => g.ok)).toHaveLength(active.length);
      expect(active.length).toBeGreaterThanOrEqual(1);
      expect(new Set(active.map((p) => String(p.principalId))).size).toBe(active.length);
      expect(new Set(active.map((p) => String(p.holderId))).size).toBe(active.length);
      for (const g of grants) if (!g.ok) expect(['PROXY_ALREADY_GIVEN', 'PROXY_HOLDER_TAKEN', 'PROXY_CHAIN']).toContain(g.code);
      for (const who of [a!, b!]) await secretary.socket.emitWithAck('live:proxy:revoke', { meetingId: cast.meetingId, principalId: who.id });
    }

    for (let round = 0; round < 3; round++) {
      // a→b and b→a at once would be a chain both ways.
      const [sa, sb] = await Promise.all([connect(a!), connect(b!)]);
      const grants = await Promise.all([
        sa.socket.emitWithAck('live:proxy:grant', { meetingId: cast.meetingId, holderId: b!.id }),
        sb.socket.emitWithAck('live:proxy:grant', { meetingId: cast.meetingId, holderId: a!.id }),
      ]);
      expect(grants.filter((g) => g.ok).length).toBeLessThanOrEqual(1);
      const active = await app.db.collection('proxies').find({ meetingId: oid(cast.meetingId), revokedAt: null }).toArray();
      expect(active.length).toBe(grants.filter((g) => g.ok).length);
      for (const who of [a!, b!]) await secretary.socket.emitWithAck('live:proxy:revoke', { meetingId: cast.meetingId, principalId: who.id });
    }
  });

  it('keeps one queued request per person and item when asked from several tablets at once', async () => {
    const chair = await connect(cast.chair);
    expect(await chair.socket.emitWithAck('live:item:set', { meetingId: cast.meetingId, itemId: cast.itemIds[0]! })).toMatchObject({ ok: true });
    const member = cast.members[0]!;
    const tablets = await Promise.all([0, 1, 2].map(() => connect(member)));
    const acks = await Promise.all(Array.from({ length: 9 }, (_, i) => tablets[i % 3]!.socket.emitWithAck('live:speakers:request', { meetingId: cast.meetingId })));
    expect(new Set(acks.map((a) => (a.ok ? a.request.id : a.code))).size).toBe(1);
    expect(await app.db.collection('speakers').countDocuments({ meetingId: oid(cast.meetingId), userId: member.user._id, state: 'queued' })).toBe(1);
  });
});
