import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ObjectId } from 'mongodb';
import { buildTestApp, type TestApp } from '../../test/helper.ts';
import type { SecretUrnDoc } from '../db/collections.ts';
import { blankUrns, UrnWriter } from './secret-urns.ts';

let app: TestApp;
beforeAll(async () => {
  app = await buildTestApp();
});
afterAll(async () => {
  await app.teardown();
});

const urns = () => app.db.collection<SecretUrnDoc>('secretUrns');
const filled = async (pollId: ObjectId) => (await urns().find({ pollId }).toArray()).flatMap((u) => u.slots.flatMap((s) => (s.r ? [{ r: s.r, c: s.c }] : [])));

describe('secret urns', () => {
  it('spreads slots evenly over urns of at most 256', () => {
    const pollId = new ObjectId();
    expect(blankUrns(pollId, 1).map((u) => u.slots.length)).toEqual([1]);
    expect(blankUrns(pollId, 256).map((u) => u.slots.length)).toEqual([256]);
    expect(blankUrns(pollId, 600).map((u) => u.slots.length)).toEqual([200, 200, 200]);
    expect(new Set(blankUrns(pollId, 1000).map((u) => u._id)).size).toBe(4);
  });

  it('stores every one of many fills at once in its own slot, and refuses one more than there are slots', async () => {
    const pollId = new ObjectId();
    const blank = blankUrns(pollId, 300);
    await urns().insertMany(blank);
    const writer = new UrnWriter(urns(), pollId, blank);
    const ballots = Array.from({ length: 300 }, (_, i) => ({ r: `R${String(i).padStart(4, '0')}`, c: [`o${i % 3}`] }));
    await Promise.all(ballots.map((b) => writer.fill(b.r, b.c)));
    const stored = await filled(pollId);
    expect(stored.sort((a, b) => a.r.localeCompare(b.r))).toEqual(ballots);
    await expect(writer.fill('EXTRA', ['o0'])).rejects.toThrow('no blank ballot slot left');
  });

  it('never overwrites a slot filled behind its back, and finds the one still blank', async () => {
    const pollId = new ObjectId();
    const blank = blankUrns(pollId, 8);
    await urns().insertMany(blank);
    // Another process (or an earlier write that failed yet landed) filled seven of the eight.
    const others = Array.from({ length: 7 }, (_, i) => ({ r: `OTHER${i}`, c: ['a'] }));
    await urns().updateOne({ _id: blank[0]!._id }, { $set: Object.fromEntries(others.map((o, i) => [`slots.${i}`, o])) });
    const writer = new UrnWriter(urns(), pollId, blank);
    await writer.fill('MINE', ['c']);
    expect((await urns().findOne({ _id: blank[0]!._id }))!.slots).toEqual([...others, { r: 'MINE', c: ['c'] }]);
  });

  it('reads its blanks from the database when it starts without them (after a restart)', async () => {
    const pollId = new ObjectId();
    const blank = blankUrns(pollId, 2);
    blank[0]!.slots[1] = { r: 'BEFORE', c: ['a'] };
    await urns().insertMany(blank);
    await new UrnWriter(urns(), pollId, null).fill('AFTER', ['b']);
    expect((await urns().findOne({ _id: blank[0]!._id }))!.slots).toEqual([
      { r: 'AFTER', c: ['b'] },
      { r: 'BEFORE', c: ['a'] },
    ]);
  });
});
