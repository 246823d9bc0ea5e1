import type { ReactNode } from 'react';
import { useT } from '../i18n';
import { Dialog } from './Dialog';
import { FormError } from './FormError';

interface FormDialogProps {
  title: string;
  /** The submit button's label; "Lưu" by default. */
  submitLabel?: string;
  busy: boolean;
  error: { summary: string | null; details: string[]; hasFieldErrors: boolean };
  onSubmit: () => void;
  onClose: () => void;
  children: ReactNode;
}

/** A dialog holding one form: error summary on top, fields, then Cancel / Save. */
export function FormDialog({ title, submitLabel, busy, error, onSubmit, onClose, children }: FormDialogProps) {
  const t = useT();
  return (
    <Dialog title={title} onClose={onClose}>
      <form
        noValidate
        className="dialog-form"
        onSubmit={(e) => {
          e.preventDefault();
          onSubmit();
        }}
      >
        <FormError {...error} />
        {children}
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button-primary" disabled={busy} aria-busy={busy}>
            {submitLabel ?? t('common.save')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
