import { useState } from 'react';
import type { Meeting, Quorum } from '@e-cabinet/protocol';
import { useT } from '../../i18n';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { meetingsApi } from '../meetings/meetings-api';

/**
 * Start and end of the meeting, for whoever the server allows (the chair): the same lifecycle
 * transitions as on the meeting page, each behind a confirmation, since a tap on a tablet is
 * easy to make by mistake. Starting without a quorum says so first.
 */
export function MeetingControls({ meeting, quorum, onChanged }: { meeting: Meeting; quorum: Quorum | null; onChanged: (m: Meeting) => void }) {
  const t = useT();
  const [asking, setAsking] = useState<'start' | 'end' | null>(null);
  const allowed = (['start', 'end'] as const).filter((name) => meeting.allowedTransitions.includes(name));
  if (allowed.length === 0) return null;
  const message = asking === 'start' ? (quorum && !quorum.met ? t('live.control.startNoQuorum', { present: quorum.present, required: quorum.required }) : t('live.control.startMessage')) : t('live.control.endMessage');
  return (
    <div className="action-bar-buttons live-controls" role="group" aria-label={t('transition.label')}>
      {allowed.map((name) => (
        <button key={name} type="button" className={name === 'start' ? 'button-primary' : 'button-danger'} onClick={() => setAsking(name)}>
          {t(`transition.${name}`)}
        </button>
      ))}
      {asking && (
        <ConfirmDialog
          title={t(`transition.${asking}`)}
          message={message}
          confirmLabel={t(`transition.${asking}`)}
          danger={asking === 'end'}
          onClose={() => setAsking(null)}
          onConfirm={async () => {
            const after = await meetingsApi.transition(meeting.id, asking);
            setAsking(null);
            onChanged(after);
          }}
        />
      )}
    </div>
  );
}
