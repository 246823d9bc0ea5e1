import { afterEach, describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router-dom';
import type { Meeting, MeetingDocument } from '@e-cabinet/protocol';
import { setLocale } from '../../i18n';
import { ToastProvider } from '../../ui/Toasts';
import { ItemDocuments } from '../documents/ItemDocuments';
import { TransitionBar } from './TransitionBar';

const makeMeeting = (over: Partial<Meeting> = {}): Meeting => ({
  id: 'm1',
  title: 'Phiên họp thường kỳ',
  kind: 'regular',
  status: 'draft',
  startsAt: '2026-12-10T01:00:00.000Z',
  endsAt: '2026-12-10T04:00:00.000Z',
  place: '',
  myRole: 'secretary',
  onlineLink: null,
  participants: [],
  returnComment: null,
  createdBy: 'u1',
  createdAt: '2026-11-01T00:00:00.000Z',
  updatedAt: '2026-11-01T00:00:00.000Z',
  publishedAt: null,
  myRsvp: null,
  allowedTransitions: [],
  canEdit: true,
  ...over,
});

const makeDocument = (over: Partial<MeetingDocument> = {}): MeetingDocument => ({
  id: 'd1',
  meetingId: 'm1',
  itemId: 'i1',
  title: 'Tờ trình dự toán',
  access: 'all',
  allowedUserIds: [],
  confidential: false,
  allowDownload: true,
  current: {
    id: 'v1',
    version: 2,
    filename: 'to-trinh.docx',
    originalType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    originalSize: 20_000,
    originalSha256: 'x',
    pdfSize: 1536,
    pdfSha256: 'y',
    pageCount: 12,
    uploadedBy: 'u1',
    uploadedAt: '2026-11-01T00:00:00.000Z',
  },
  versionCount: 2,
  myLastOpenedAt: null,
  changedSinceRead: false,
  createdAt: '2026-11-01T00:00:00.000Z',
  updatedAt: '2026-11-01T00:00:00.000Z',
  ...over,
});

const render = (node: React.ReactNode) =>
  renderToStaticMarkup(
    <ToastProvider>
      <MemoryRouter>{node}</MemoryRouter>
    </ToastProvider>,
  );

describe('TransitionBar', () => {
  afterEach(() => setLocale('vi'));

  it('shows exactly the allowed transitions, in lifecycle order, in Vietnamese', () => {
    const html = render(<TransitionBar meeting={makeMeeting({ allowedTransitions: ['return', 'approve'] })} onChanged={() => {}} />);
    const buttons = [...html.matchAll(/<button[^>]*>([^<]+)<\/button>/g)].map((m) => m[1]);
    expect(buttons).toEqual(['Phê duyệt', 'Trả lại']);
    expect(html).toContain('aria-label="Thao tác với cuộc họp"');
  });

  it('renders nothing without transitions or other actions', () => {
    expect(render(<TransitionBar meeting={makeMeeting()} onChanged={() => {}} />)).not.toContain('<button');
  });
});

describe('ItemDocuments', () => {
  it('links each document by its title and names the upload input after the item', () => {
    const docs = [makeDocument({ confidential: true, changedSinceRead: true })];
    const html = render(
      <ItemDocuments meeting={makeMeeting()} itemId="i1" itemTitle="Dự toán 2027" documents={docs} canManage onChanged={() => {}} />,
    );
    expect(html).toMatch(/<a class="document-link" href="\/documents\/d1"[^>]*>Tờ trình dự toán<\/a>/);
    expect(html).toContain('aria-label="Tải tài liệu lên: Dự toán 2027"');
    expect(html).toContain('accept=".pdf,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.odt,.ods,.odp"');
    expect(html).toContain('aria-label="Tải phiên bản mới: Tờ trình dự toán"');
    expect(html).toContain('>Bảo mật<');
    expect(html).toContain('>Đã thay đổi từ lần bạn đọc<');
    expect(html).toContain('Phiên bản 2 · 12 trang · 1,5 KB');
  });

  it('offers no upload to readers', () => {
    const html = render(
      <ItemDocuments meeting={makeMeeting({ myRole: 'member' })} itemId="i1" itemTitle="Dự toán 2027" documents={[makeDocument()]} canManage={false} onChanged={() => {}} />,
    );
    expect(html).not.toContain('type="file"');
    expect(html).not.toContain('Bảo mật');
  });
});
