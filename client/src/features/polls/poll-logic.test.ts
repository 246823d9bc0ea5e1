import { describe, expect, it } from 'vitest';
import type { Poll, PollResult } from '@e-cabinet/protocol';
import {
  applyProgress,
  mergeList,
  chartBars,
  choiceLabels,
  draftOf,
  draftProblems,
  draftToRequest,
  emptyDraft,
  formatPercent,
  percentOf,
  pollSecondsLeft,
  resultRows,
  sortPolls,
  summariesDiffer,
  upsertPoll,
} from './poll-logic';

const MOTION = [
  { id: 'yes', label: 'Tán thành' },
  { id: 'no', label: 'Không tán thành' },
  { id: 'abstain', label: 'Không biểu quyết' },
];

const poll = (over: Partial<Poll> = {}): Poll => ({
  id: 'p1',
  meetingId: 'm1',
  itemId: 'i1',
  question: 'Thông qua dự toán?',
  definition: { kind: 'yesNoAbstain', secrecy: 'named', rule: { kind: 'absolute' }, base: 'members' },
  options: MOTION,
  maxChoices: 1,
  hideTallyUntilClose: false,
  durationSec: null,
  status: 'open',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  openedAt: '2026-01-01T00:01:00.000Z',
  closesAt: null,
  closedAt: null,
  quorumAtOpen: null,
  voted: 0,
  eligible: 10,
  result: null,
  ...over,
});

const result = (over: Partial<PollResult> = {}): PollResult => ({
  cast: 8,
  present: 9,
  members: 10,
  options: [
    { id: 'yes', label: 'Tán thành', votes: 6, percent: 75 },
    { id: 'no', label: 'Không tán thành', votes: 2, percent: 25 },
    { id: 'abstain', label: 'Không biểu quyết', votes: 0, percent: 0 },
  ],
  outcome: { passed: true, reason: 'MAJORITY_REACHED', rule: { kind: 'absolute' }, baseKind: 'members', base: 10, threshold: 6, quorumMet: true, quorumNeeded: 0, cast: 8, present: 9, members: 10, yes: 6, no: 2, abstain: 0 },
  explanation: { vi: 'Thông qua: 6 phiếu tán thành trên tổng số 10 đại biểu.', en: 'Passed: 6 in favour out of all 10 members.' },
  voters: [],
  bulletin: null,
  ...over,
});

describe('poll list', () => {
  it('puts open polls first, then drafts, then the latest closed', () => {
    const list = sortPolls([
      poll({ id: 'c1', status: 'closed', closedAt: '2026-01-01T01:00:00.000Z' }),
      poll({ id: 'd', status: 'draft', openedAt: null }),
      poll({ id: 'c2', status: 'closed', closedAt: '2026-01-01T02:00:00.000Z' }),
      poll({ id: 'o', status: 'open' }),
    ]);
    expect(list.map((p) => p.id)).toEqual(['o', 'd', 'c2', 'c1']);
  });

  it('never lets a late "opened" undo a result, nor progress go backwards', () => {
    const closed = poll({ status: 'closed', result: result() });
    expect(upsertPoll([closed], poll({ status: 'open' }))[0]!.status).toBe('closed');
    expect(upsertPoll([poll({ voted: 5 })], poll({ voted: 3 }))[0]!.voted).toBe(5);
    expect(upsertPoll([], poll()).map((p) => p.id)).toEqual(['p1']);
    expect(applyProgress([poll({ voted: 5 })], { pollId: 'p1', voted: 4, eligible: 10 })[0]!.voted).toBe(5);
    expect(applyProgress([poll({ voted: 5 })], { pollId: 'p1', voted: 7, eligible: 11 })[0]).toMatchObject({ voted: 7, eligible: 11 });
  });

  it('merges a fetched list without losing newer event data, and drops deleted drafts', () => {
    const held = [poll({ id: 'a', voted: 7 }), poll({ id: 'b', status: 'closed', result: result() }), poll({ id: 'gone', status: 'draft' })];
    const fetched = [poll({ id: 'a', voted: 5 }), poll({ id: 'b', status: 'open' }), poll({ id: 'new', status: 'draft' })];
    expect(mergeList(held, fetched).map((p) => `${p.id}:${p.status}:${p.voted}`)).toEqual(['a:open:7', 'b:closed:0', 'new:draft:0']);
  });

  it('notices when the live summaries say something changed', () => {
    expect(summariesDiffer([{ id: 'p1', status: 'open' }], [{ id: 'p1', status: 'open' }])).toBe(false);
    expect(summariesDiffer([{ id: 'p1', status: 'open' }], [{ id: 'p1', status: 'closed' }])).toBe(true);
    expect(summariesDiffer([], [{ id: 'p2', status: 'open' }])).toBe(true);
  });
});

describe('results', () => {
  it('labels motions in the UI language and marks what carried', () => {
    const rows = resultRows(poll(), result(), 'en');
    expect(rows.map((r) => [r.label, r.votes, r.winner])).toEqual([
      ['In favour', 6, true],
      ['Against', 2, false],
      ['Abstain', 0, false],
    ]);
    const failed = resultRows(poll(), result({ outcome: { ...result().outcome, passed: false, reason: 'MAJORITY_NOT_REACHED' } }), 'vi');
    expect(failed.some((r) => r.winner)).toBe(false);
  });

  it('marks the winners of a choice poll', () => {
    const p = poll({ definition: { kind: 'single', secrecy: 'secret', rule: { kind: 'simple' }, base: 'cast', options: [{ id: 'o1', label: 'A' }, { id: 'o2', label: 'B' }] }, options: [{ id: 'o1', label: 'A' }, { id: 'o2', label: 'B' }] });
    const r = result({ options: [{ id: 'o1', label: 'A', votes: 1, percent: 33.3 }, { id: 'o2', label: 'B', votes: 2, percent: 66.7 }], outcome: { ...result().outcome, winners: ['o2'] } });
    expect(resultRows(p, r, 'vi').map((x) => x.winner)).toEqual([false, true]);
  });

  it('formats percentages per language', () => {
    expect(formatPercent(66.7, 'vi')).toBe('66,7%');
    expect(formatPercent(66.7, 'en')).toBe('66.7%');
    expect(formatPercent(0, 'vi')).toBe('0%');
    expect(percentOf(1, 3)).toBe(33.3);
    expect(percentOf(0, 0)).toBe(0);
  });

  it('scales bars to the largest count and draws none for zero', () => {
    const bars = chartBars(resultRows(poll(), result(), 'vi'), 'vi', 300, 40);
    expect(bars.map((b) => [b.width, b.y])).toEqual([
      [300, 0],
      [100, 40],
      [0, 80],
    ]);
    expect(bars[0]!.value).toBe('6 (75%)');
  });

  it('turns a choice back into labels', () => {
    expect(choiceLabels(poll(), ['abstain', 'yes'])).toEqual(['Tán thành', 'Không biểu quyết']);
  });
});

describe('timer', () => {
  it('counts whole seconds to the close, only while open', () => {
    const p = poll({ closesAt: '2026-01-01T00:02:00.000Z' });
    expect(pollSecondsLeft(p, Date.parse('2026-01-01T00:01:00.500Z'))).toBe(60);
    expect(pollSecondsLeft(p, Date.parse('2026-01-01T00:03:00.000Z'))).toBe(0);
    expect(pollSecondsLeft(poll(), 0)).toBeNull();
    expect(pollSecondsLeft({ ...p, status: 'closed' }, 0)).toBeNull();
  });
});

describe('poll form', () => {
  it('needs a question, an item and two distinct options for choice polls', () => {
    expect(draftProblems(emptyDraft(''))).toEqual(['question', 'item']);
    const d = { ...emptyDraft('i1'), question: 'Chọn phương án', kind: 'single' as const, options: ['A', ' a '] };
    expect(draftProblems(d)).toEqual(['duplicateOptions']);
    expect(draftProblems({ ...d, options: ['A', ''] })).toEqual(['options']);
    expect(draftProblems({ ...d, kind: 'multiple', options: ['A', 'B', 'C'], maxChoices: 4 })).toEqual(['maxChoices']);
    expect(draftProblems({ ...d, options: ['A', 'B'], timerMinutes: 1.5 })).toEqual(['timer']);
  });

  it('builds a motion without options and a multiple-choice poll with ids and a maximum', () => {
    expect(draftToRequest({ ...emptyDraft('i1'), question: '  Thông qua?  ' })).toEqual({
      itemId: 'i1',
      question: 'Thông qua?',
      definition: { kind: 'yesNoAbstain', secrecy: 'named', rule: { kind: 'absolute' }, base: 'members' },
      hideTallyUntilClose: false,
      durationSec: null,
    });
    const body = draftToRequest({ ...emptyDraft('i1'), question: 'Bầu', kind: 'multiple', options: ['A', '', 'B', 'C'], maxChoices: 2, secrecy: 'secret', rule: 'simple', base: 'cast', timerMinutes: 5, hideTally: true });
    expect(body.definition).toEqual({
      kind: 'multiple',
      secrecy: 'secret',
      rule: { kind: 'simple' },
      base: 'cast',
      options: [
        { id: 'o1', label: 'A' },
        { id: 'o2', label: 'B' },
        { id: 'o3', label: 'C' },
      ],
      maxChoices: 2,
    });
    expect(body.durationSec).toBe(300);
    expect(body.hideTallyUntilClose).toBe(true);
  });

  it('reads a draft back into the form', () => {
    const p = poll({ status: 'draft', durationSec: 120, hideTallyUntilClose: true });
    expect(draftOf(p)).toMatchObject({ question: p.question, kind: 'yesNoAbstain', timerMinutes: 2, hideTally: true, rule: 'absolute', base: 'members' });
  });
});
