import { describe, expect, it } from 'vitest';
import { ObjectId } from 'mongodb';
import type { BallotRight } from '../live/live-service.ts';
import { RightsCache } from './rights-cache.ts';

const right = (voterId: string, principalId = voterId): BallotRight => ({ voterId, voterName: voterId, principalId, principalName: principalId, viaProxy: voterId !== principalId });

/** A loader that answers when the test says so, and counts its loads. */
function loader() {
  const pending: ((rights: BallotRight[]) => void)[] = [];
  return {
    loads: () => pending.length,
    answer: (i: number, rights: BallotRight[]) => pending[i]!(rights),
    load: () => new Promise<BallotRight[]>((resolve) => pending.push(resolve)),
  };
}

describe('ballot rights in memory', () => {
  it('loads a meeting’s rights once and keeps them until told they changed, with no timer', async () => {
    const l = loader();
    const cache = new RightsCache(l.load);
    const meeting = new ObjectId();
    const first = cache.get(meeting);
    l.answer(0, [right('a'), right('a', 'p')]);
    expect((await first).byVoter.get('a')?.map((r) => r.principalId)).toEqual(['a', 'p']);
    expect([...(await cache.get(meeting)).principals]).toEqual(['a', 'p']);
    expect(l.loads()).toBe(1);

    cache.invalidate(meeting.toHexString());
    const again = cache.get(meeting);
    l.answer(1, [right('a')]);
    expect([...(await again).principals]).toEqual(['a']);
    expect(l.loads()).toBe(2);
  });

  it('never keeps a load that started before a change', async () => {
    const l = loader();
    const cache = new RightsCache(l.load);
    const meeting = new ObjectId();
    const stale = cache.get(meeting);
    cache.invalidate(meeting.toHexString());
    l.answer(0, [right('old')]);
    await stale;
    const fresh = cache.get(meeting);
    expect(l.loads()).toBe(2);
    l.answer(1, [right('new')]);
    expect([...(await fresh).principals]).toEqual(['new']);

    cache.clear();
    void cache.get(meeting);
    expect(l.loads()).toBe(3);
  });
});
