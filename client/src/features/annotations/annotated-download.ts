import { ErrorCode, type AnnotationLayer } from '@e-cabinet/protocol';
import { ApiRequestError, parseErrorBody, reportUnauthorized } from '../../api/client';
import { getLocale, translate } from '../../i18n';

/** `GET /api/documents/:id/annotated?layers=…`: the current version with the chosen layers burnt in. */
export function annotatedUrl(documentId: string, layers: readonly AnnotationLayer[]): string {
  return `/api/documents/${encodeURIComponent(documentId)}/annotated?layers=${layers.join(',')}`;
}

/** The file name in a `Content-Disposition` header (RFC 6266: `filename*` wins over `filename`). */
export function filenameFromDisposition(header: string | null): string | null {
  if (!header) return null;
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1].trim());
    } catch {
      // Fall through to the plain form.
    }
  }
  const plain = /filename\s*=\s*("([^"]*)"|[^;]+)/.exec(header);
  const name = plain?.[2] ?? plain?.[1];
  return name ? name.trim() : null;
}

/**
 * Fetches the annotated copy and hands it to the browser as a download. Fetched rather than
 * linked so a refusal or a server error shows as a message instead of a downloaded error page.
 * Throws {@link ApiRequestError}.
 */
export async function downloadAnnotated(documentId: string, layers: readonly AnnotationLayer[], fallbackName: string): Promise<void> {
  const locale = getLocale();
  let response: Response;
  try {
    response = await fetch(annotatedUrl(documentId, layers), { credentials: 'same-origin', headers: { 'Accept-Language': locale } });
  } catch {
    throw new ApiRequestError(0, { code: ErrorCode.UNAVAILABLE, message: translate(locale, 'error.network') });
  }
  if (!response.ok) {
    if (response.status === 401) reportUnauthorized();
    const body: unknown = await response.json().catch(() => null);
    throw new ApiRequestError(response.status, parseErrorBody(response.status, body, locale));
  }
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  try {
    const a = document.createElement('a');
    a.href = url;
    a.download = filenameFromDisposition(response.headers.get('Content-Disposition')) ?? fallbackName;
    document.body.append(a);
    a.click();
    a.remove();
  } finally {
    // After the click has started the download; revoking at once can cancel it in some browsers.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
}
