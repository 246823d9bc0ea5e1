import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ObjectId } from 'mongodb';
import { collections, type BallotDoc, type PollDoc } from '../db/collections.ts';
import { AppError } from '../http/app-error.ts';
import type { BallotRight } from '../live/live-service.ts';
import { buildTestApp, type TestApp } from '../../test/helper.ts';
import { BallotBox } from './ballot-box.ts';
import { newBallotKey } from './ballot-keys.ts';
import { OpenPoll } from './open-poll.ts';

/*
 * Closing counts an open poll from its memory (each ballot counted once stored), and from the
 * database only when a write failed without saying whether it landed.
 */

let app: TestApp;
let box: BallotBox;
beforeAll(async () => {
  app = await buildTestApp();
  box = new BallotBox(collections(app.db));
});
afterAll(() => app.teardown());

function namedPoll(): OpenPoll {
  const now = new Date();
  const doc: PollDoc = {
    _id: new ObjectId(),
    meetingId: new ObjectId(),
    itemId: new ObjectId(),
    question: 'Thông qua tờ trình',
    definition: { kind: 'yesNoAbstain', secrecy: 'named', rule: { kind: 'simple' }, base: 'cast', quorum: null },
    hideTallyUntilClose: false,
    durationSec: null,
    status: 'open',
    createdBy: new ObjectId(),
    createdAt: now,
    updatedAt: now,
    openedAt: now,
    openedBy: new ObjectId(),
    closesAt: null,
    quorumAtOpen: null,
    closedAt: null,
    closedBy: null,
    result: null,
  };
  return new OpenPoll(doc, []);
}

const right = (name: string): BallotRight => {
  const id = new ObjectId().toHexString();
  return { voterId: id, voterName: name, principalId: id, principalName: name, viaProxy: false };
};

/** A ballot stored behind the poll's back, as a write whose answer was lost would leave it. */
function strayBallot(poll: OpenPoll): BallotDoc {
  const principalId = new ObjectId();
  return { _id: `${poll.id}:${principalId.toHexString()}`, pollId: poll.doc._id, principalId, principalName: 'Lê Văn Lạc', voterId: principalId, voterName: 'Lê Văn Lạc', viaProxy: false, choice: ['no'], castAt: new Date(), keyHash: 'x' };
}

describe('counting an open poll at close', () => {
  it('counts what it stored from memory, once per principal however often it is retried', async () => {
    const poll = namedPoll();
    const [a, b] = [right('Nguyễn Văn An'), right('Trần Thị Bình')];
    const keyA = newBallotKey();
    await poll.track(() => box.castNamed(poll, a, ['yes'], keyA));
    await poll.track(() => box.castNamed(poll, a, ['yes'], keyA));
    await poll.track(() => box.castNamed(poll, b, ['abstain'], newBallotKey()));
    await expect(poll.track(() => box.castNamed(poll, b, ['no'], newBallotKey()))).rejects.toMatchObject({ code: 'ALREADY_VOTED' });
    expect(poll.uncertain).toBe(false);

    // Memory is what was counted: a ballot written elsewhere is not read back…
    await collections(app.db).ballots.insertOne(strayBallot(poll));
    const counted = await box.count(poll);
    expect(counted).toMatchObject({ turnout: 2, bulletin: null });
    expect(counted.choices.map((c) => c.join()).sort()).toEqual(['abstain', 'yes']);
    expect(counted.named!.map((n) => [n.principalId, n.voterId, n.viaProxy, n.choice])).toEqual(
      expect.arrayContaining([
        [a.principalId, a.voterId, false, ['yes']],
        [b.principalId, b.voterId, false, ['abstain']],
      ]),
    );
    // …and the list of voters, read on request, is what is stored.
    expect((await box.voters(poll.doc._id)).map((v) => v.principalName)).toEqual(['Lê Văn Lạc', 'Nguyễn Văn An', 'Trần Thị Bình']);
  });

  it('counts from the database once a write failed without saying whether it landed', async () => {
    const poll = namedPoll();
    await poll.track(() => box.castNamed(poll, right('Nguyễn Văn An'), ['yes'], newBallotKey()));
    // A refusal says nothing was written: memory still holds.
    await expect(poll.track(() => Promise.reject(new AppError('NOT_ELIGIBLE')))).rejects.toBeInstanceOf(AppError);
    expect(poll.uncertain).toBe(false);
    // A driver error says nothing: the stray ballot may be that write.
    await collections(app.db).ballots.insertOne(strayBallot(poll));
    await expect(poll.track(() => Promise.reject(new Error('connection reset')))).rejects.toThrow('connection reset');
    expect(poll.uncertain).toBe(true);
    const counted = await box.count(poll);
    expect(counted).toMatchObject({ turnout: 2 });
    expect(counted.choices.map((c) => c.join()).sort()).toEqual(['no', 'yes']);
  });
});
