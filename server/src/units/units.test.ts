import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, signedIn, type TestApp } from '../../test/helper.ts';

let app: TestApp;
let cookie: string;
beforeAll(async () => {
  app = await buildTestApp();
  cookie = (await signedIn(app, { role: 'admin' })).cookie;
});
afterAll(() => app.teardown());

async function create(payload: Record<string, unknown>) {
  return app.inject({ method: 'POST', url: '/api/units', headers: { cookie }, payload });
}

describe('units', () => {
  it('builds a tree, refuses duplicate codes, cycles and deactivating a parent with active children', async () => {
    const province = await create({ code: 'UBND-T', name: 'Ủy ban nhân dân tỉnh', kind: 'province' });
    expect(province.statusCode).toBe(201);
    const dept = await create({ code: 'STC-T', name: 'Sở Tài chính', kind: 'department', parentId: province.json().id });
    expect(dept.json()).toMatchObject({ parentId: province.json().id, active: true });

    const dup = await create({ code: 'UBND-T', name: 'Trùng', kind: 'other' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().code).toBe('UNIT_CODE_TAKEN');

    const cycle = await app.inject({ method: 'PATCH', url: `/api/units/${province.json().id}`, headers: { cookie }, payload: { parentId: dept.json().id } });
    expect(cycle.statusCode).toBe(400);
    expect(cycle.json().fields['/parentId']).toMatch(/cấp dưới/);

    const deactivate = await app.inject({ method: 'PATCH', url: `/api/units/${province.json().id}`, headers: { cookie }, payload: { active: false } });
    expect(deactivate.statusCode).toBe(409);
    expect(deactivate.json().code).toBe('UNIT_HAS_CHILDREN');

    const child = await app.inject({ method: 'PATCH', url: `/api/units/${dept.json().id}`, headers: { cookie }, payload: { active: false } });
    expect(child.json().active).toBe(false);
    const list = await app.inject({ method: 'GET', url: '/api/units', headers: { cookie } });
    expect(list.json().items.map((u: { code: string }) => u.code)).toEqual(['STC-T', 'UBND-T']);
  });

  it('lets any signed-in user read units but only admins change them', async () => {
    const delegate = await signedIn(app);
    expect((await app.inject({ method: 'GET', url: '/api/units', headers: { cookie: delegate.cookie } })).statusCode).toBe(200);
    const res = await app.inject({ method: 'POST', url: '/api/units', headers: { cookie: delegate.cookie }, payload: { code: 'X', name: 'X', kind: 'other' } });
    expect(res.statusCode).toBe(403);
    expect((await app.inject({ method: 'GET', url: '/api/units' })).statusCode).toBe(401);
  });

  it('rejects an empty update and a bad code', async () => {
    const u = await create({ code: 'EMPTY-1', name: 'Đơn vị', kind: 'other' });
    const empty = await app.inject({ method: 'PATCH', url: `/api/units/${u.json().id}`, headers: { cookie }, payload: {} });
    expect(empty.statusCode).toBe(400);
    const bad = await create({ code: 'mã có dấu', name: 'Đơn vị', kind: 'other' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields).toHaveProperty('/code');
  });
});
