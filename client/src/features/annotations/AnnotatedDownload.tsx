import { useState } from 'react';
import type { AnnotationLayer } from '@e-cabinet/protocol';
import { errorText } from '../../api/errors';
import { useLocale, useT, type MessageKey } from '../../i18n';
import { useToast } from '../../ui/Toasts';
import { downloadAnnotated } from './annotated-download';

const CHOICES: readonly { layers: AnnotationLayer[]; label: Extract<MessageKey, `ann.download.${'private' | 'shared' | 'both'}`> }[] = [
  { layers: ['private'], label: 'ann.download.private' },
  { layers: ['shared'], label: 'ann.download.shared' },
  { layers: ['private', 'shared'], label: 'ann.download.both' },
];

interface AnnotatedDownloadProps {
  documentId: string;
  title: string;
  confidential: boolean;
  /** Some of the user's marks have not reached the server: they cannot be in the copy. */
  onlyLocal: boolean;
}

/** "Download my annotated copy", with a small menu of which layers to burn in. */
export function AnnotatedDownload({ documentId, title, confidential, onlyLocal }: AnnotatedDownloadProps) {
  const t = useT();
  const locale = useLocale();
  const toast = useToast();
  const [busy, setBusy] = useState(false);
  const [open, setOpen] = useState(false);

  const download = async (layers: AnnotationLayer[]) => {
    setOpen(false);
    setBusy(true);
    try {
      await downloadAnnotated(documentId, layers, `${title} - ${t('ann.download.suffix')}.pdf`);
    } catch (err) {
      toast(t('ann.download.failed', { message: errorText(err, locale) }), 'error');
    } finally {
      setBusy(false);
    }
  };

  return (
    <details className="ann-download" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className="button-link" aria-busy={busy}>
        {busy ? t('ann.download.busy') : t('ann.download')}
      </summary>
      <div className="ann-download-menu">
        {CHOICES.map((c) => (
          <button key={c.label} type="button" disabled={busy} onClick={() => void download(c.layers)}>
            {t(c.label)}
          </button>
        ))}
        {confidential && <p className="muted">{t('ann.download.watermarked')}</p>}
        {onlyLocal && <p className="muted">{t('ann.download.pendingNote')}</p>}
      </div>
    </details>
  );
}
