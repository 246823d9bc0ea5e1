import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/helper.ts';
import { collections } from '../db/collections.ts';
import { DocumentRegister, registerYear } from './register.ts';

let app: TestApp;
let register: DocumentRegister;
beforeAll(async () => {
  app = await buildTestApp();
  register = new DocumentRegister(collections(app.db).registerNumbers);
});
afterAll(() => app.teardown());

describe('document register', () => {
  it('gives twenty simultaneous claims twenty different numbers, 1 to 20', async () => {
    const at = new Date('2026-11-23T03:00:00Z');
    const numbers = await Promise.all(Array.from({ length: 20 }, (_, i) => register.claim('BB', `t${i}`, at)));
    expect(numbers.map(Number).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it('gives a target its number again, and keeps codes apart', async () => {
    const at = new Date('2026-11-23T03:00:00Z');
    expect(await register.claim('BB', 't3', at)).toBe(await register.claim('BB', 't3', at));
    expect(await register.claim('TB', 't3', at)).toBe('1');
  });

  it('starts again at 1 on 1 January in Viet Nam', async () => {
    // 31 Dec 2026 17:30 UTC is already 1 Jan 2027 in Ha Noi.
    const newYear = new Date('2026-12-31T17:30:00Z');
    expect(registerYear(newYear)).toBe(2027);
    expect(registerYear(new Date('2026-12-31T16:30:00Z'))).toBe(2026);
    expect(await register.claim('BB', 'next-year', newYear)).toBe('1');
  });
});
