import { afterEach, describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router-dom';
import type { MinutesPoll, MinutesVersion } from '@e-cabinet/protocol';
import { setLocale } from '../../i18n';
import { ToastProvider } from '../../ui/Toasts';
import { MinutesLink } from './MinutesLink';
import { PollResults } from './PollResults';
import { VersionList } from './VersionList';

const MEETING = '0123456789abcdef01234567';
const hex = (c: string) => c.repeat(64);

const base: MinutesVersion = {
  version: 1,
  approvedAt: '2026-11-23T03:00:00.000Z',
  approvedBy: { id: 'f'.repeat(24), name: 'Trần Văn Chủ' },
  contentSha256: hex('c'),
  minutesPdf: { sha256: hex('1'), size: 1000 },
  noticePdf: { sha256: hex('2'), size: 900 },
  signature: null,
  status: 'ready',
  items: [],
};

const render = (node: React.ReactNode) =>
  renderToStaticMarkup(
    <ToastProvider>
      <MemoryRouter>{node}</MemoryRouter>
    </ToastProvider>,
  );

afterEach(() => setLocale('vi'));

describe('VersionList', () => {
  it('shows a generating version with a spinner and no PDF links or signing', () => {
    setLocale('vi');
    const html = render(<VersionList meetingId={MEETING} versions={[{ ...base, version: 2, status: 'generating', minutesPdf: null, noticePdf: null }]} canSign onChanged={() => {}} />);
    expect(html).toContain('Phiên bản 2');
    expect(html).toContain('minutes-spinner');
    expect(html).toContain('Đang tạo PDF…');
    expect(html).not.toContain('.pdf');
    expect(html).not.toContain('Ký số<');
  });

  it('offers the PDFs and signing of the latest ready version to the chair only', () => {
    setLocale('vi');
    const versions = [{ ...base, version: 2 }, { ...base, version: 1 }];
    const chair = render(<VersionList meetingId={MEETING} versions={versions} canSign onChanged={() => {}} />);
    expect(chair).toContain(`href="/api/meetings/${MEETING}/minutes/versions/2/minutes.pdf"`);
    expect(chair).toContain(`href="/api/meetings/${MEETING}/minutes/versions/1/notice.pdf"`);
    expect(chair).toContain('target="_blank"');
    // One sign button: the latest version's.
    expect(chair.match(/>Ký số</g)).toHaveLength(1);
    const member = render(<VersionList meetingId={MEETING} versions={versions} canSign={false} onChanged={() => {}} />);
    expect(member).not.toContain('>Ký số<');
  });

  it('shows the signature: subject, Vietnam time and shortened hashes with their full value kept', () => {
    setLocale('vi');
    const signed: MinutesVersion = {
      ...base,
      status: 'signed',
      signature: {
        signedAt: '2026-11-23T17:30:05.000Z',
        signer: { subject: 'CN=UBND tỉnh Thử Nghiệm, O=UBND, C=VN', serial: '0a1b2c', fingerprintSha256: hex('e') },
        signedBy: { id: 'f'.repeat(24), name: 'Trần Văn Chủ' },
        minutesSha256: hex('1'),
        noticeSha256: hex('2'),
      },
    };
    const html = render(<VersionList meetingId={MEETING} versions={[signed]} canSign={false} onChanged={() => {}} />);
    expect(html).toContain('Đã ký số');
    expect(html).toContain('CN=UBND tỉnh Thử Nghiệm, O=UBND, C=VN');
    expect(html).toContain('24/11/2026 00:30:05');
    expect(html).toContain(`title="${hex('1')}"`);
    expect(html).toContain('11111111…11111111');
    expect(html).toContain('Sao chép SHA-256 thông báo');
  });

  it('says so when nothing is approved, in English too', () => {
    setLocale('en');
    expect(render(<VersionList meetingId={MEETING} versions={[]} canSign onChanged={() => {}} />)).toContain('No version has been approved yet.');
  });
});

describe('PollResults', () => {
  const poll: MinutesPoll = { pollId: 'a'.repeat(24), question: 'Thông qua tờ trình số 12', kind: 'yesNoAbstain', inFavour: 7, against: 1, notVoting: 1, base: 9, passed: true, outcome: 'Số thành viên tán thành đạt trên 50% tổng số thành viên.' };

  it('shows counts with their share of the members and the outcome', () => {
    setLocale('vi');
    const html = render(<PollResults polls={[poll]} />);
    expect(html).toContain('Thông qua tờ trình số 12');
    expect(html).toContain('7 (77.8%)');
    expect(html).toContain('1 (11.1%)');
    expect(html).toContain('Thông qua<');
    expect(html).toContain(poll.outcome);
    expect(render(<PollResults polls={[{ ...poll, passed: false }]} />)).toContain('Không thông qua');
    expect(render(<PollResults polls={[]} />)).toContain('không có biểu quyết');
  });
});

describe('MinutesLink', () => {
  it('appears once the meeting has started', () => {
    setLocale('vi');
    expect(render(<MinutesLink meeting={{ id: MEETING, status: 'published' }} />)).not.toContain('minutes-entry');
    expect(render(<MinutesLink meeting={{ id: MEETING, status: 'ended' }} />)).toContain(`href="/meetings/${MEETING}/minutes"`);
  });
});
