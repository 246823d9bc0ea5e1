import { useState } from 'react';
import type { MinutesVersion } from '@e-cabinet/protocol';
import { useLocale, useT } from '../../i18n';
import { EmptyState } from '../../ui/Alerts';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { useToast } from '../../ui/Toasts';
import { formatDateTime } from '../audit/format-time';
import { CopyValue } from './CopyValue';
import { minutesApi, minutesPdfUrl } from './minutes-api';
import { hasPdfs, latestVersion, VERSION_STATUS_KEY } from './minutes-logic';

interface VersionListProps {
  meetingId: string;
  versions: readonly MinutesVersion[];
  /** The chair may sign the latest version now. */
  canSign: boolean;
  onChanged: () => void;
}

/** Every approved version, newest first: its PDFs, its status, and its signature once signed. */
export function VersionList({ meetingId, versions, canSign, onChanged }: VersionListProps) {
  const t = useT();
  const locale = useLocale();
  const toast = useToast();
  const [signing, setSigning] = useState<number | null>(null);
  const latest = latestVersion(versions);

  return (
    <section className="panel minutes-versions" aria-labelledby="minutes-versions-title">
      <div className="panel-header">
        <h2 id="minutes-versions-title">{t('minutes.versionsTitle')}</h2>
      </div>
      {versions.length === 0 ? (
        <EmptyState title={t('minutes.noVersions')} />
      ) : (
        <ol className="plain-list minutes-version-list">
          {versions.map((v) => (
            <li key={v.version} className={`minutes-version is-${v.status}`}>
              <div className="minutes-version-head">
                <h3>{t('minutes.version', { version: v.version })}</h3>
                <span className={`badge minutes-badge is-${v.status}`} aria-live="polite">
                  {v.status === 'generating' && <span className="minutes-spinner" aria-hidden="true" />}
                  {t(VERSION_STATUS_KEY[v.status])}
                </span>
              </div>
              <p className="muted">{t('minutes.approvedBy', { name: v.approvedBy.name, time: formatDateTime(v.approvedAt, locale) })}</p>
              {v.status === 'failed' && <p className="alert alert-warning">{t('minutes.failedHint')}</p>}
              {hasPdfs(v) && (
                <p className="minutes-pdfs">
                  <a className="button-link" href={minutesPdfUrl(meetingId, v.version, 'minutes')} target="_blank" rel="noopener" aria-label={`${t('minutes.minutesPdf')} (${t('minutes.newTab')})`}>
                    {t('minutes.minutesPdf')}
                  </a>
                  <a className="button-link" href={minutesPdfUrl(meetingId, v.version, 'notice')} target="_blank" rel="noopener" aria-label={`${t('minutes.noticePdf')} (${t('minutes.newTab')})`}>
                    {t('minutes.noticePdf')}
                  </a>
                  {canSign && latest?.version === v.version && v.status === 'ready' && (
                    <button type="button" className="button-primary" onClick={() => setSigning(v.version)}>
                      {t('minutes.sign')}
                    </button>
                  )}
                </p>
              )}
              <dl className="minutes-facts">
                <div>
                  <dt>{t('minutes.contentHash')}</dt>
                  <dd>
                    <CopyValue value={v.contentSha256} label={t('minutes.contentHash')} />
                  </dd>
                </div>
              </dl>
              {v.signature && (
                <section className="minutes-signature" aria-label={t('minutes.signature')}>
                  <h4>{t('minutes.signature')}</h4>
                  <dl className="minutes-facts">
                    <div>
                      <dt>{t('minutes.signer')}</dt>
                      <dd className="minutes-subject">{v.signature.signer.subject}</dd>
                    </div>
                    <div>
                      <dt>{t('minutes.serial')}</dt>
                      <dd>
                        <code>{v.signature.signer.serial}</code>
                      </dd>
                    </div>
                    <div>
                      <dt>{t('minutes.fingerprint')}</dt>
                      <dd>
                        <CopyValue value={v.signature.signer.fingerprintSha256} label={t('minutes.fingerprint')} />
                      </dd>
                    </div>
                    <div>
                      <dt>{t('minutes.signedBy')}</dt>
                      <dd>{v.signature.signedBy.name}</dd>
                    </div>
                    <div>
                      <dt>{t('minutes.signedAt')}</dt>
                      <dd>
                        <time dateTime={v.signature.signedAt}>{formatDateTime(v.signature.signedAt, locale)}</time>
                      </dd>
                    </div>
                    <div>
                      <dt>{t('minutes.minutesHash')}</dt>
                      <dd>
                        <CopyValue value={v.signature.minutesSha256} label={t('minutes.minutesHash')} />
                      </dd>
                    </div>
                    <div>
                      <dt>{t('minutes.noticeHash')}</dt>
                      <dd>
                        <CopyValue value={v.signature.noticeSha256} label={t('minutes.noticeHash')} />
                      </dd>
                    </div>
                  </dl>
                </section>
              )}
            </li>
          ))}
        </ol>
      )}
      {signing !== null && (
        <ConfirmDialog
          title={t('minutes.signConfirmTitle', { version: signing })}
          message={t('minutes.signConfirmBody')}
          confirmLabel={t('minutes.sign')}
          onClose={() => setSigning(null)}
          onConfirm={async () => {
            const signed = await minutesApi.sign(meetingId, signing);
            setSigning(null);
            toast(t('minutes.signed', { version: signed.version }));
            onChanged();
          }}
        />
      )}
    </section>
  );
}
