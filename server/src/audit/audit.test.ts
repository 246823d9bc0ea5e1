import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditService } from './audit-service.ts';
import { canonicalJson, entryHash, GENESIS_HASH } from './hash-chain.ts';
import { buildTestApp, signedIn, type TestApp } from '../../test/helper.ts';

describe('hash chain (pure)', () => {
  it('hashes the same entry the same way whatever the key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } })).toBe('{"a":{"c":null,"d":[1,{"x":1,"y":2}]},"b":1}');
    const at = new Date('2026-11-23T10:00:00.000Z');
    const a = entryHash(GENESIS_HASH, { seq: 1, at, actorId: null, action: 'x', target: null, data: { p: 1, q: 2 } });
    const b = entryHash(GENESIS_HASH, { seq: 1, at, actorId: null, action: 'x', target: null, data: { q: 2, p: 1 } });
    expect(a).toBe(b);
    expect(entryHash(GENESIS_HASH, { seq: 1, at, actorId: null, action: 'x', target: null, data: { p: 1, q: 3 } })).not.toBe(a);
  });
});

describe('audit log', () => {
  let app: TestApp;
  let admin: Awaited<ReturnType<typeof signedIn>>;
  beforeAll(async () => {
    app = await buildTestApp();
    admin = await signedIn(app, { role: 'admin' });
  });
  afterAll(() => app.teardown());

  it('links every entry to the one before and verifies end to end', async () => {
    await app.audit.append({ actorId: null, action: 'test.one' });
    await app.audit.append({ actorId: null, action: 'test.two', data: { note: 'Ghi chú có dấu' } });
    const items = await app.audit.list({ limit: 100 });
    const ascending = [...items].reverse();
    expect(ascending[0]?.prevHash).toBe(GENESIS_HASH);
    for (let i = 1; i < ascending.length; i++) expect(ascending[i]!.prevHash).toBe(ascending[i - 1]!.hash);
    const res = await app.inject({ method: 'GET', url: '/api/audit/verify', headers: { cookie: admin.cookie } });
    expect(res.json()).toEqual({ ok: true, checked: ascending.length, brokenAtSeq: null });
  });

  it('stays a single unbroken chain under concurrent appends from two writers', async () => {
    const other = new AuditService(app.db);
    await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? app.audit : other).append({ actorId: null, action: 'test.concurrent', data: { i } })));
    const verify = await app.audit.verify();
    expect(verify.ok).toBe(true);
    expect((await app.audit.list({ limit: 100, action: 'test.concurrent' })).length).toBe(20);
  });

  it('detects an edited entry and points at it', async () => {
    const entry = (await app.audit.list({ limit: 100, action: 'test.two' }))[0]!;
    await app.db.collection('auditLog').updateOne({ seq: entry.seq }, { $set: { 'data.note': 'sửa trộm' } });
    const res = await app.inject({ method: 'GET', url: '/api/audit/verify', headers: { cookie: admin.cookie } });
    expect(res.json()).toMatchObject({ ok: false, brokenAtSeq: entry.seq });
  });

  it('detects a deleted entry in the middle of the chain', async () => {
    const fresh = await buildTestApp();
    try {
      for (const action of ['a', 'b', 'c']) await fresh.audit.append({ actorId: null, action });
      await fresh.db.collection('auditLog').deleteOne({ seq: 2 });
      expect(await fresh.audit.verify()).toMatchObject({ ok: false, brokenAtSeq: 2 });
    } finally {
      await fresh.teardown();
    }
  });

  it('is readable by admins only, newest first, paged with ?before', async () => {
    const delegate = await signedIn(app);
    expect((await app.inject({ method: 'GET', url: '/api/audit', headers: { cookie: delegate.cookie } })).statusCode).toBe(403);
    const page = await app.inject({ method: 'GET', url: '/api/audit?limit=2', headers: { cookie: admin.cookie } });
    const [first, second] = page.json().items;
    expect(first.seq).toBeGreaterThan(second.seq);
    const next = await app.inject({ method: 'GET', url: `/api/audit?limit=2&before=${second.seq}`, headers: { cookie: admin.cookie } });
    expect(next.json().items[0].seq).toBe(second.seq - 1);
  });
});
