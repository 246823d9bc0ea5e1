import { useState } from 'react';
import type { AttendanceEntry } from '@e-cabinet/protocol';
import { useT } from '../../i18n';
import { EmptyState } from '../../ui/Alerts';
import { FormDialog } from '../../ui/FormDialog';
import { useFormError } from '../../ui/FormError';
import { useSubmit } from '../../ui/hooks';
import { proxyCandidates } from './live-logic';
import { useLiveRoomContext } from './live-room-context';

/**
 * Gives `principal`'s vote to another voting member (ủy quyền). The member gives their own; the
 * secretary records one given on paper (then `principal` is someone else).
 */
export function ProxyDialog({ principal, onClose }: { principal: AttendanceEntry; onClose: () => void }) {
  const t = useT();
  const { state, meId, run } = useLiveRoomContext();
  const candidates = proxyCandidates(state.attendance, principal.userId);
  const [holderId, setHolderId] = useState('');
  const [missing, setMissing] = useState(false);
  const self = principal.userId === meId;
  const { run: submit, busy, error } = useSubmit(async () => {
    if (!holderId) {
      setMissing(true);
      return;
    }
    await run('live:proxy:grant', self ? { holderId } : { holderId, principalId: principal.userId });
    onClose();
  });
  const { summary, details } = useFormError(error, []);

  return (
    <FormDialog
      title={self ? t('live.proxy.giveTitle') : t('live.proxy.recordTitle', { name: principal.name })}
      submitLabel={t('live.proxy.confirm')}
      busy={busy}
      error={{ summary, details, hasFieldErrors: false }}
      onSubmit={() => void submit()}
      onClose={onClose}
    >
      <p>{t('live.proxy.rules')}</p>
      {candidates.length === 0 ? (
        <EmptyState title={t('live.proxy.noCandidates')} />
      ) : (
        <fieldset className="check-group live-choice-list" aria-invalid={missing || undefined}>
          <legend>{t('live.proxy.holder')}</legend>
          {candidates.map((c) => (
            <label key={c.userId} className="check-row">
              <input type="radio" name="proxy-holder" value={c.userId} checked={holderId === c.userId} onChange={() => (setHolderId(c.userId), setMissing(false))} />
              <span>
                {c.name} <span className="muted">· {t(`meetingRole.${c.role}`)}</span>
              </span>
            </label>
          ))}
          {missing && <p className="field-error">{t('live.proxy.pick')}</p>}
        </fieldset>
      )}
    </FormDialog>
  );
}
