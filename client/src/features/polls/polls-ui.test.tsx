import { afterEach, describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import type { Poll, PollResult } from '@e-cabinet/protocol';
import { setLocale } from '../../i18n';
import { BallotForm } from './BallotForm';
import type { BallotRight } from './ballots';
import { PollResultView } from './PollResultView';
import { VotersList } from './PollVoters';
import type { BallotStatus } from './use-ballots';

const poll = (over: Partial<Poll> = {}): Poll => ({
  id: 'p1',
  meetingId: 'm1',
  itemId: 'i1',
  question: 'Thông qua dự toán?',
  definition: { kind: 'yesNoAbstain', secrecy: 'secret', rule: { kind: 'absolute' }, base: 'members' },
  options: [
    { id: 'yes', label: 'Tán thành' },
    { id: 'no', label: 'Không tán thành' },
    { id: 'abstain', label: 'Không biểu quyết' },
  ],
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
  eligible: 3,
  result: null,
  ...over,
});

const right: BallotRight = { principalId: 'u2', principalName: 'Vũ Thị Mai', viaProxy: true, voted: false, choice: null };
const status = (over: Partial<BallotStatus> = {}): BallotStatus => ({ local: null, sending: false, message: null, final: false, recordedBefore: null, ...over });
const KEY = 'AAAAAAAAAAAAAAAAAAAAAA';

afterEach(() => setLocale('vi'));

describe('BallotForm', () => {
  it('offers one real button per option, named by its label, under the principal’s name', () => {
    const html = renderToStaticMarkup(<BallotForm poll={poll()} right={right} status={status()} onCast={() => {}} />);
    expect(html).toContain('Biểu quyết thay cho Vũ Thị Mai');
    for (const label of ['Tán thành', 'Không tán thành', 'Không biểu quyết']) {
      // The mark beside the label is aria-hidden, so the button's name is the label alone.
      expect(html).toMatch(new RegExp(`<button type="button" class="ballot-option[^"]*" aria-pressed="false"><span class="ballot-option-mark" aria-hidden="true"></span>${label}</button>`));
    }
  });

  it('shows the recorded state with the receipt of a secret ballot', () => {
    const html = renderToStaticMarkup(
      <BallotForm poll={poll()} right={right} status={status({ local: { key: KEY, choice: ['yes'], state: 'accepted', receipt: 'ABCDEFGHJK' } })} onCast={() => {}} />,
    );
    expect(html).toContain('Đã ghi nhận phiếu');
    expect(html).toContain('data-testid="ballot-receipt">ABCDEFGHJK<');
    expect(html).toContain('Lựa chọn: Tán thành');
    expect(html).not.toContain('ballot-option');
  });

  it('trusts the server’s record after a reload (named: with the choice)', () => {
    const html = renderToStaticMarkup(<BallotForm poll={poll({ definition: { ...poll().definition, secrecy: 'named' } })} right={{ ...right, voted: true, choice: ['no'] }} status={status()} onCast={() => {}} />);
    expect(html).toContain('Đã ghi nhận phiếu');
    expect(html).toContain('Lựa chọn: Không tán thành');
  });

  it('offers to send the same ballot again when it was not acknowledged', () => {
    const html = renderToStaticMarkup(
      <BallotForm poll={poll()} right={right} status={status({ local: { key: KEY, choice: ['no'], state: 'pending', receipt: null }, message: 'Mất kết nối.' })} onCast={() => {}} />,
    );
    expect(html).toContain('Chưa gửi được phiếu: Mất kết nối.');
    expect(html).toContain('Gửi lại phiếu');
    expect(html).not.toContain('aria-pressed');
  });

  it('uses the English motion wording in English', () => {
    setLocale('en');
    const html = renderToStaticMarkup(<BallotForm poll={poll()} right={{ ...right, viaProxy: false }} status={status()} onCast={() => {}} />);
    expect(html).toContain('>In favour</button>');
    expect(html).toContain('Your vote');
  });
});

describe('PollResultView', () => {
  const result: PollResult = {
    cast: 3,
    present: 3,
    members: 5,
    options: [
      { id: 'yes', label: 'Tán thành', votes: 2, percent: 66.7 },
      { id: 'no', label: 'Không tán thành', votes: 1, percent: 33.3 },
      { id: 'abstain', label: 'Không biểu quyết', votes: 0, percent: 0 },
    ],
    outcome: { passed: false, reason: 'MAJORITY_NOT_REACHED', rule: { kind: 'absolute' }, baseKind: 'members', base: 5, threshold: 3, quorumMet: true, quorumNeeded: 0, cast: 3, present: 3, members: 5, yes: 2, no: 1, abstain: 0 },
    explanation: { vi: 'Không thông qua: 2 phiếu tán thành trên tổng số 5 đại biểu.', en: 'Failed: 2 in favour out of all 5 members.' },
    voters: null,
    bulletin: [
      { receipt: 'AAAAAAAAAA', choice: ['yes'] },
      { receipt: 'BBBBBBBBBB', choice: ['no'] },
      { receipt: 'CCCCCCCCCC', choice: ['yes'] },
    ],
  };

  it('shows the verdict, the reason, a labelled chart and the table', () => {
    const html = renderToStaticMarkup(<PollResultView poll={poll({ status: 'closed', result })} result={result} myReceipts={[]} />);
    expect(html).toContain('data-testid="poll-result"');
    expect(html).toContain('Không thông qua');
    expect(html).toContain('2 phiếu tán thành trên tổng số 5 đại biểu');
    expect(html).toMatch(/<svg[^>]*role="img"[^>]*aria-label="Biểu đồ kết quả: Tán thành: 2 \(66,7%\); Không tán thành: 1 \(33,3%\); Không biểu quyết: 0 \(0%\)"/);
    expect(html).toContain('<caption>Kết quả biểu quyết</caption>');
  });

  it('highlights the voter’s own receipt in the bulletin', () => {
    const html = renderToStaticMarkup(<PollResultView poll={poll({ status: 'closed', result })} result={result} myReceipts={['BBBBBBBBBB']} />);
    const mine = html.match(/<tr class="poll-row-mine"[^>]*>.*?<\/tr>/)?.[0] ?? '';
    expect(mine).toContain('BBBBBBBBBB');
    expect(mine).toContain('Phiếu của bạn');
    expect(html.match(/poll-row-mine/g)).toHaveLength(1);
  });

  describe('a named poll’s list of who voted what', () => {
    const named = (over: Partial<PollResult> = {}) => ({ ...result, bulletin: null, voters: null, voterCount: 3, ...over });
    const namedPoll = (r: PollResult) => poll({ status: 'closed', definition: { ...poll().definition, secrecy: 'named' }, result: r });
    const labels = (ids: readonly string[]) => ids.join(', ');
    const voters = [
      { principalId: 'u1', principalName: 'Nguyễn Văn An', voterId: 'u1', voterName: 'Nguyễn Văn An', viaProxy: false, choice: ['yes'] },
      { principalId: 'u2', principalName: 'Vũ Thị Mai', voterId: 'u3', voterName: 'Lê Văn Hùng', viaProxy: true, choice: ['no'] },
    ];

    it('starts folded with its count and no names: the list is fetched when opened', () => {
      const r = named();
      const html = renderToStaticMarkup(<PollResultView poll={namedPoll(r)} result={r} myReceipts={[]} />);
      expect(html).toMatch(/<details class="poll-voters"><summary>Danh sách biểu quyết \(3\)<\/summary><\/details>/);
      expect(html).not.toContain('poll-bulletin');
    });

    it('shows a list already at hand without fetching it', () => {
      const r = named({ voters, voterCount: 2 });
      const html = renderToStaticMarkup(<PollResultView poll={namedPoll(r)} result={r} myReceipts={[]} />);
      expect(html).toContain('Danh sách biểu quyết (2)');
      expect(html).toContain('<th scope="row">Vũ Thị Mai<span class="cell-sub">do Lê Văn Hùng biểu quyết thay</span></th>');
    });

    it('says it is loading, says why it failed with a retry, then lists who voted what', () => {
      const retry = () => {};
      expect(renderToStaticMarkup(<VotersList state={{ kind: 'idle' }} labels={labels} onRetry={retry} />)).toBe('');
      expect(renderToStaticMarkup(<VotersList state={{ kind: 'loading' }} labels={labels} onRetry={retry} />)).toContain('role="status" aria-busy="true">Đang tải danh sách biểu quyết…</p>');
      const failed = renderToStaticMarkup(<VotersList state={{ kind: 'error', message: 'Mất kết nối.' }} labels={labels} onRetry={retry} />);
      expect(failed).toContain('<p role="alert">Chưa tải được danh sách biểu quyết: Mất kết nối.</p>');
      expect(failed).toContain('<button type="button" class="button-quiet">Tải lại</button>');
      const loaded = renderToStaticMarkup(<VotersList state={{ kind: 'loaded', voters }} labels={labels} onRetry={retry} />);
      expect(loaded.match(/<tr>/g)).toHaveLength(3);
      expect(loaded).toContain('<th scope="row">Nguyễn Văn An</th><td>yes</td>');
      expect(renderToStaticMarkup(<VotersList state={{ kind: 'loaded', voters: [] }} labels={labels} onRetry={retry} />)).toContain('Không có phiếu nào.');

      setLocale('en');
      expect(renderToStaticMarkup(<VotersList state={{ kind: 'loading' }} labels={labels} onRetry={retry} />)).toContain('Loading who voted what…');
      expect(renderToStaticMarkup(<VotersList state={{ kind: 'error', message: 'Offline.' }} labels={labels} onRetry={retry} />)).toContain('Could not load who voted what: Offline.');
    });
  });
});
