import { errorMessage, ErrorCode, type Locale } from '@e-cabinet/protocol';
import { ApiRequestError } from './client';

/** The message to show for any thrown value: the server's own message when there is one. */
export function errorText(err: unknown, locale: Locale): string {
  if (err instanceof ApiRequestError) return err.body.message || errorMessage(err.code, locale);
  return errorMessage(ErrorCode.INTERNAL, locale);
}

/** `"/username"` → `"username"`; `"/email/0"` → `"email"`; `""` (the whole body) → `""`. */
export function pointerToField(pointer: string): string {
  const first = pointer.split('/')[1] ?? '';
  return first.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** Per-field messages from a validation error, keyed by top-level property name. */
export function fieldErrors(err: unknown): Record<string, string> {
  if (!(err instanceof ApiRequestError) || !err.body.fields) return {};
  const out: Record<string, string> = {};
  for (const [pointer, message] of Object.entries(err.body.fields)) {
    const field = pointerToField(pointer);
    // Keep the first message per field: it is usually the most specific.
    if (!(field in out)) out[field] = message;
  }
  return out;
}

/**
 * Field messages that have no input of their own on the form (so they must be shown in the
 * summary instead of being lost).
 */
export function unplacedFieldErrors(fields: Record<string, string>, placed: readonly string[]): string[] {
  return Object.entries(fields)
    .filter(([field]) => !placed.includes(field))
    .map(([field, message]) => (field ? `${field}: ${message}` : message));
}
