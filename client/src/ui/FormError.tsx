import { errorText, fieldErrors, unplacedFieldErrors } from '../api/errors';
import { useLocale, useT } from '../i18n';
import { ErrorAlert } from './Alerts';

/** Splits a submit error into per-field messages (for the inputs) and a summary (for the alert). */
export function useFormError(error: unknown, placed: readonly string[]) {
  const locale = useLocale();
  const fields = fieldErrors(error);
  const summary = error ? errorText(error, locale) : null;
  return { fields, summary, details: unplacedFieldErrors(fields, placed) };
}

/** The summary of a failed submit, at the top of a form. */
export function FormError({ summary, details, hasFieldErrors }: { summary: string | null; details: string[]; hasFieldErrors: boolean }) {
  const t = useT();
  if (!summary) return null;
  return (
    <ErrorAlert message={summary} details={hasFieldErrors && details.length === 0 ? [t('common.fixFields')] : details} />
  );
}
