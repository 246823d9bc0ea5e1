import type { PresenterState } from '@e-cabinet/protocol';
import { useT } from '../../i18n';
import { isPresenting } from './follow-logic';

interface PresenterControlsProps {
  state: PresenterState | null;
  meId: string;
  documentId: string;
  page: number;
  /** Title of a meeting document the user may open; undefined for one they may not. */
  titleOf: (documentId: string) => string | undefined;
  canPresent: boolean;
  presenting: boolean;
  onPresentingChange: (on: boolean) => void;
  following: boolean;
  onFollowingChange: (on: boolean) => void;
}

/** "Present" (for those who may) and "Follow the presenter" switches, and who presents what. */
export function PresenterControls(props: PresenterControlsProps) {
  const t = useT();
  const { state, meId, documentId, page, canPresent, presenting, following } = props;
  const other = isPresenting(state) && state.presenterId !== meId ? state : null;

  let line: string;
  if (presenting) line = t('presenter.youPresent', { page });
  else if (!other) line = t('presenter.nobody');
  else if (other.documentId === documentId) line = t('presenter.presenting', { name: other.presenterName ?? '', page: other.page });
  else {
    const title = props.titleOf(other.documentId);
    line = title ? t('presenter.otherDocument', { name: other.presenterName ?? '', title, page: other.page }) : t('presenter.noAccess', { name: other.presenterName ?? '' });
  }

  return (
    <div className="presenter-controls">
      {canPresent && (
        <label className="switch">
          <input type="checkbox" role="switch" checked={presenting} onChange={(e) => props.onPresentingChange(e.target.checked)} />
          <span>{t('presenter.present')}</span>
        </label>
      )}
      <label className="switch">
        <input type="checkbox" role="switch" checked={following && !presenting} disabled={presenting} onChange={(e) => props.onFollowingChange(e.target.checked)} />
        <span>{t('presenter.follow')}</span>
      </label>
      <p className="presenter-line" aria-live="polite">
        {line}
      </p>
    </div>
  );
}
