import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { docNames, ErrorCode, type Minutes, type MinutesItem } from '@e-cabinet/protocol';
import { useT } from '../../i18n';
import { EmptyState, LoadState } from '../../ui/Alerts';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { NotFoundState } from '../../ui/NotFoundState';
import { useDocumentTitle, useResource } from '../../ui/hooks';
import { useToast } from '../../ui/Toasts';
import { CollabIndicator } from '../collab/CollabIndicator';
import { useCollabDoc, type CollabDoc } from '../collab/use-collab-doc';
import { meetingsApi } from '../meetings/meetings-api';
import { DeliveryPanel } from '../deliveries/DeliveryPanel';
import { MinutesField } from './MinutesField';
import { minutesApi } from './minutes-api';
import { DRAFT_RECHECK_MS, GENERATING_POLL_MS, isGenerating } from './minutes-logic';
import { PollResults } from './PollResults';
import { VersionList } from './VersionList';

const ID = /^[0-9a-f]{24}$/;
/** How often an open minutes page asks for versions others approved or signed. */
const REFRESH_MS = 15_000;

/** "Biên bản & kết luận": the shared draft per agenda item, its approval, the signed versions and their delivery. */
export function MinutesPage() {
  const t = useT();
  const { id = '' } = useParams();
  const meeting = useResource(useCallback((signal: AbortSignal) => meetingsApi.get(id, signal), [id]));
  const minutes = useResource(useCallback((signal: AbortSignal) => minutesApi.get(id, signal), [id]));
  useDocumentTitle(t('minutes.title'));

  // PDFs are rendered in the background: ask again until no version is generating.
  const generating = isGenerating(minutes.data);
  const { loading, reload } = minutes;
  useEffect(() => {
    if (!generating || loading) return;
    const timer = setTimeout(reload, GENERATING_POLL_MS);
    return () => clearTimeout(timer);
  }, [generating, loading, reload]);

  // Others' approvals and signatures are not pushed: ask again when the tab comes back into view,
  // and now and then while it is in view (the data stays on screen meanwhile).
  useEffect(() => {
    const visible = () => document.visibilityState === 'visible';
    const onVisibility = () => {
      if (visible()) reload();
    };
    document.addEventListener('visibilitychange', onVisibility);
    const timer = setInterval(() => {
      if (visible()) reload();
    }, REFRESH_MS);
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      clearInterval(timer);
    };
  }, [reload]);

  // Opened once the server has let us see the minutes, so a stranger never opens a socket for them.
  const canOpen = minutes.data !== undefined && ID.test(id);
  const collab = useCollabDoc(canOpen ? docNames.minutes(id) : null, { readOnly: !(minutes.data?.canEdit ?? false) });

  // "Changed since approval" is the server's verdict: ask again once edits (anyone's) settle.
  const doc = collab.doc;
  const approvedBefore = (minutes.data?.versions.length ?? 0) > 0;
  useEffect(() => {
    if (!doc || !approvedBefore) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onUpdate = () => {
      clearTimeout(timer);
      timer = setTimeout(reload, DRAFT_RECHECK_MS);
    };
    doc.on('update', onUpdate);
    return () => {
      doc.off('update', onUpdate);
      clearTimeout(timer);
    };
  }, [doc, approvedBefore, reload]);

  const notFound = !ID.test(id) || (!minutes.data && minutes.errorCode === ErrorCode.NOT_FOUND) || (!meeting.data && meeting.errorCode === ErrorCode.NOT_FOUND);
  if (notFound) {
    return <NotFoundState title={t('minutes.notFoundTitle')} body={t('minutes.notFoundBody')} linkTo="/meetings" linkLabel={t('meetings.backToList')} />;
  }

  return (
    <section className="page minutes-page">
      <p className="back-link">
        <Link to={`/meetings/${id}`}>{t('minutes.backToMeeting')}</Link>
      </p>
      <div className="page-header">
        <h1>
          {t('minutes.title')}
          {meeting.data && <span className="minutes-meeting-title">{meeting.data.title}</span>}
        </h1>
      </div>
      <LoadState loading={minutes.loading && !generating} error={minutes.error} hasData={minutes.data !== undefined} onRetry={minutes.reload}>
        {minutes.data && <MinutesBody meetingId={id} minutes={minutes.data} collab={collab} onChanged={minutes.reload} />}
      </LoadState>
      {minutes.data && <DeliveryPanel meetingId={id} />}
    </section>
  );
}

interface MinutesBodyProps {
  meetingId: string;
  minutes: Minutes;
  collab: CollabDoc;
  onChanged: () => void;
}

function MinutesBody({ meetingId, minutes, collab, onChanged }: MinutesBodyProps) {
  const t = useT();
  const toast = useToast();
  const [approving, setApproving] = useState(false);
  const { draft, versions } = minutes;
  const readOnly = !minutes.canEdit;

  return (
    <>
      <section className="panel minutes-draft" aria-labelledby="minutes-draft-title">
        <div className="panel-header">
          <h2 id="minutes-draft-title">{t('minutes.draftTitle')}</h2>
          <CollabIndicator docs={[{ label: t('minutes.draftTitle'), collab }]} />
        </div>
        {readOnly && <p className="muted">{t('minutes.readOnly')}</p>}
        {draft.changedSinceApproval && versions.length > 0 && (
          <p className="alert alert-warning" role="status">
            {t('minutes.changedSinceApproval')}
          </p>
        )}
        {draft.items.length === 0 ? (
          <EmptyState title={t('minutes.noItems')} />
        ) : (
          <ol className="plain-list minutes-items">
            {draft.items.map((item, i) => (
              <MinutesItemSection key={item.itemId} n={i + 1} item={item} collab={collab} readOnly={readOnly} />
            ))}
          </ol>
        )}
        {collab.doc && collab.status !== 'refused' ? (
          <MinutesField doc={collab.doc} target={{ kind: 'closing' }} label={t('minutes.field.closingNote')} readOnly={readOnly} rows={2} />
        ) : (
          <StaticText label={t('minutes.field.closingNote')} text={draft.closingNote} />
        )}
        {minutes.canApprove && (
          <div className="minutes-approve">
            {collab.onlyLocal && <p className="alert alert-warning">{t('minutes.approveWaitSync')}</p>}
            <button type="button" className="button-primary" disabled={collab.onlyLocal} onClick={() => setApproving(true)}>
              {t('minutes.approve')}
            </button>
          </div>
        )}
      </section>
      <VersionList meetingId={meetingId} versions={versions} canSign={minutes.canSign} onChanged={onChanged} />
      {approving && (
        <ConfirmDialog
          title={t('minutes.approveConfirmTitle')}
          message={t('minutes.approveConfirmBody')}
          confirmLabel={t('minutes.approve')}
          onClose={() => setApproving(false)}
          onConfirm={async () => {
            const version = await minutesApi.approve(meetingId);
            setApproving(false);
            toast(t('minutes.approved', { version: version.version }));
            onChanged();
          }}
        />
      )}
    </>
  );
}

function MinutesItemSection({ n, item, collab, readOnly }: { n: number; item: MinutesItem; collab: CollabDoc; readOnly: boolean }) {
  const t = useT();
  const headingId = `minutes-item-${item.itemId}`;
  // A refused doc (signed out elsewhere, access withdrawn) leaves the text as the server last saw it.
  const live = collab.doc && collab.status !== 'refused' ? collab.doc : null;
  return (
    <li className="minutes-item">
      <section aria-labelledby={headingId}>
        <h3 id={headingId}>{t('minutes.itemHeading', { n, title: item.title })}</h3>
        {item.presenter && <p className="muted">{t('minutes.presenter', { name: item.presenter })}</p>}
        <h4 className="minutes-subheading">{t('minutes.polls')}</h4>
        <PollResults polls={item.polls} />
        {live ? (
          <>
            <MinutesField doc={live} target={{ kind: 'item', itemId: item.itemId, field: 'opinions' }} label={t('minutes.field.opinions')} hint={t('minutes.field.opinionsHint')} readOnly={readOnly} rows={5} />
            <MinutesField doc={live} target={{ kind: 'item', itemId: item.itemId, field: 'conclusion' }} label={t('minutes.field.conclusion')} readOnly={readOnly} />
          </>
        ) : (
          <>
            <StaticText label={t('minutes.field.opinions')} text={item.opinions} />
            <StaticText label={t('minutes.field.conclusion')} text={item.conclusion} />
          </>
        )}
      </section>
    </li>
  );
}

function StaticText({ label, text }: { label: string; text: string }) {
  const t = useT();
  return (
    <div className="minutes-static">
      <p className="minutes-static-label">{label}</p>
      <p className="minutes-static-text">{text || t('minutes.field.empty')}</p>
    </div>
  );
}
