import { useT } from '../i18n';
import { useSubmit } from './hooks';
import { Dialog } from './Dialog';
import { FormError, useFormError } from './FormError';

interface ConfirmDialogProps {
  title: string;
  message: string;
  confirmLabel: string;
  danger?: boolean;
  /** May throw; the error is shown in the dialog and the dialog stays open. */
  onConfirm: () => Promise<void>;
  onClose: () => void;
}

/** "Are you sure?" for consequential actions. Cancel has focus, so Enter never destroys by accident. */
export function ConfirmDialog({ title, message, confirmLabel, danger, onConfirm, onClose }: ConfirmDialogProps) {
  const t = useT();
  const { run, busy, error } = useSubmit(onConfirm);
  const { summary, details } = useFormError(error, []);
  return (
    <Dialog title={title} onClose={onClose}>
      <p>{message}</p>
      <FormError summary={summary} details={details} hasFieldErrors={false} />
      <div className="dialog-actions">
        <button type="button" data-autofocus onClick={onClose}>
          {t('common.cancel')}
        </button>
        <button
          type="button"
          className={danger ? 'button-danger' : 'button-primary'}
          disabled={busy}
          onClick={() => void run()}
        >
          {confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}
