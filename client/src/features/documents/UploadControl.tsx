import { useEffect, useId, useRef, useState } from 'react';
import type { MeetingDocument } from '@e-cabinet/protocol';
import { errorText } from '../../api/errors';
import { useLocale, useT } from '../../i18n';
import { ErrorAlert } from '../../ui/Alerts';
import { ACCEPT_ATTRIBUTE, uploadFile, UploadCancelled } from './upload';

type State =
  | { kind: 'idle' }
  | { kind: 'sending'; filename: string; percent: number }
  | { kind: 'processing'; filename: string }
  | { kind: 'failed'; filename: string; message: string };

interface UploadControlProps {
  /** The file input's accessible name, naming what it uploads to. */
  label: string;
  /** The visible text of the button-like label. */
  buttonText: string;
  /** Where to send the chosen file. */
  urlFor: (file: File) => string;
  onUploaded: (doc: MeetingDocument) => void;
  compact?: boolean;
}

/**
 * A file input that uploads at once: progress while the bytes go up (cancellable), then
 * "processing" while the server checks and converts, then the server's message on failure.
 */
export function UploadControl({ label, buttonText, urlFor, onUploaded, compact }: UploadControlProps) {
  const t = useT();
  const locale = useLocale();
  const id = useId();
  const [state, setState] = useState<State>({ kind: 'idle' });
  const controller = useRef<AbortController | null>(null);
  const busy = state.kind === 'sending' || state.kind === 'processing';

  // Leaving the page stops an upload in flight.
  useEffect(() => () => controller.current?.abort(), []);

  const start = (file: File) => {
    const abort = new AbortController();
    controller.current = abort;
    const filename = file.name;
    uploadFile({
      url: urlFor(file),
      file,
      signal: abort.signal,
      onProgress: (p) => setState(p.phase === 'sending' ? { kind: 'sending', filename, percent: p.percent } : { kind: 'processing', filename }),
    }).then(
      (doc) => {
        setState({ kind: 'idle' });
        onUploaded(doc);
      },
      (err: unknown) => {
        setState(err instanceof UploadCancelled ? { kind: 'idle' } : { kind: 'failed', filename, message: errorText(err, locale) });
      },
    );
  };

  return (
    <div className={compact ? 'upload upload-compact' : 'upload'}>
      <label htmlFor={id} className={busy ? 'upload-button upload-busy' : 'upload-button'}>
        <input
          id={id}
          type="file"
          className="visually-hidden"
          accept={ACCEPT_ATTRIBUTE}
          aria-label={label}
          disabled={busy}
          onChange={(e) => {
            const file = e.target.files?.[0];
            // Cleared so that choosing the same file again (after a failure) fires a change.
            e.target.value = '';
            if (file) start(file);
          }}
        />
        <span aria-hidden="true">{buttonText}</span>
      </label>
      {state.kind === 'sending' && (
        <div className="upload-progress">
          <progress max={100} value={state.percent} aria-label={t('docs.uploadProgress', { name: state.filename })} />
          <span className="upload-percent">{t('docs.percent', { percent: state.percent })}</span>
          <button type="button" onClick={() => controller.current?.abort()}>
            {t('docs.cancelUpload')}
          </button>
        </div>
      )}
      {state.kind === 'processing' && (
        <div className="upload-progress" aria-live="polite">
          <progress aria-label={t('docs.processingOf', { name: state.filename })} />
          <span>{t('docs.processing')}</span>
        </div>
      )}
      {state.kind === 'failed' && (
        <ErrorAlert message={t('docs.uploadFailed', { name: state.filename, message: state.message })}>
          <button type="button" onClick={() => setState({ kind: 'idle' })}>
            {t('common.close')}
          </button>
        </ErrorAlert>
      )}
    </div>
  );
}
