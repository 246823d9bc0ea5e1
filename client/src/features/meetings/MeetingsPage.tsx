import { useRef, type KeyboardEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { useT } from '../../i18n';
import { useDocumentTitle } from '../../ui/hooks';
import { useCurrentUser } from '../auth/auth-context';
import { MeetingList } from './MeetingList';
import type { MeetingScope } from './meeting-list';
import { canCreateMeetings } from './permissions';

const TABS: readonly MeetingScope[] = ['upcoming', 'past'];

/** "Cuộc họp": upcoming and past meetings in two tabs, and "Tạo cuộc họp" for the secretariat. */
export function MeetingsPage() {
  const t = useT();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const scope: MeetingScope = params.get('tab') === 'past' ? 'past' : 'upcoming';
  const tabRefs = useRef<Partial<Record<MeetingScope, HTMLButtonElement | null>>>({});
  useDocumentTitle(t('meetings.title'));

  const select = (next: MeetingScope, focus = false) => {
    setParams(next === 'upcoming' ? {} : { tab: next }, { replace: true });
    if (focus) tabRefs.current[next]?.focus();
  };
  // Arrow keys move between tabs (the WAI-ARIA tabs pattern); Tab goes on into the panel.
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight' && e.key !== 'Home' && e.key !== 'End') return;
    e.preventDefault();
    const i = TABS.indexOf(scope);
    const next = e.key === 'Home' ? 0 : e.key === 'End' ? TABS.length - 1 : (i + (e.key === 'ArrowRight' ? 1 : -1) + TABS.length) % TABS.length;
    select(TABS[next]!, true);
  };

  return (
    <section className="page">
      <div className="page-header">
        <h1>{t('meetings.title')}</h1>
        {canCreateMeetings(user.role) && (
          <button type="button" className="button-primary" onClick={() => navigate('/meetings/new')}>
            {t('meetings.create')}
          </button>
        )}
      </div>
      <div className="tabs" role="tablist" aria-label={t('meetings.tabs')} onKeyDown={onKeyDown}>
        {TABS.map((tab) => (
          <button
            key={tab}
            ref={(el) => {
              tabRefs.current[tab] = el;
            }}
            type="button"
            role="tab"
            id={`meetings-tab-${tab}`}
            aria-selected={scope === tab}
            aria-controls="meetings-panel"
            tabIndex={scope === tab ? 0 : -1}
            className="tab"
            onClick={() => select(tab)}
          >
            {t(`meetings.tab.${tab}`)}
          </button>
        ))}
      </div>
      <div id="meetings-panel" role="tabpanel" aria-labelledby={`meetings-tab-${scope}`} className="tab-panel">
        <MeetingList
          key={scope}
          scope={scope}
          emptyTitle={scope === 'upcoming' ? t('meetings.emptyUpcoming') : t('meetings.emptyPast')}
        />
      </div>
    </section>
  );
}
