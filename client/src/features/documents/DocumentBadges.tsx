import type { MeetingDocument } from '@e-cabinet/protocol';
import { useT } from '../../i18n';

/** "Bảo mật" and "Đã thay đổi từ lần bạn đọc", in words beside the title. */
export function DocumentBadges({ doc }: { doc: Pick<MeetingDocument, 'confidential' | 'changedSinceRead'> }) {
  const t = useT();
  return (
    <>
      {doc.confidential && <span className="badge badge-confidential">{t('docs.confidential')}</span>}
      {doc.changedSinceRead && <span className="badge badge-changed">{t('docs.changedSinceRead')}</span>}
    </>
  );
}
