import { ErrorCode, errorMessage, isErrorCode, type ApiError, type Locale } from '@e-cabinet/protocol';
import { getLocale, translate } from '../i18n';

/** A failed API call, carrying the server's `{code, message, fields?}` (already in the user's language). */
export class ApiRequestError extends Error {
  override readonly name = 'ApiRequestError';

  constructor(
    /** HTTP status; 0 when the server could not be reached at all. */
    readonly status: number,
    readonly body: ApiError,
  ) {
    super(body.message);
  }

  get code(): ErrorCode {
    return this.body.code;
  }
}

export type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  /** Empty strings, null and undefined are left out. */
  query?: Readonly<Record<string, QueryValue>>;
  signal?: AbortSignal;
}

let unauthorizedHandler: (() => void) | null = null;

/**
 * Called whenever the server answers 401 (except to the login request itself), so the session
 * can end wherever in the app the request came from. Returns an unregister function.
 */
export function onUnauthorized(handler: () => void): () => void {
  unauthorizedHandler = handler;
  return () => {
    if (unauthorizedHandler === handler) unauthorizedHandler = null;
  };
}

/**
 * Reports a 401 from a request made outside {@link api} (an XMLHttpRequest upload), so the
 * session ends the same way.
 */
export function reportUnauthorized(): void {
  unauthorizedHandler?.();
}

/** The code to assume when an error response is not ours (a proxy page, a framework default). */
export function codeForStatus(status: number): ErrorCode {
  switch (status) {
    case 401: return ErrorCode.UNAUTHENTICATED;
    case 403: return ErrorCode.FORBIDDEN;
    case 404: return ErrorCode.NOT_FOUND;
    case 409: return ErrorCode.CONFLICT;
    case 413: return ErrorCode.PAYLOAD_TOO_LARGE;
    case 429: return ErrorCode.RATE_LIMITED;
    case 502: case 503: case 504: return ErrorCode.UNAVAILABLE;
    default: return status >= 500 ? ErrorCode.INTERNAL : ErrorCode.VALIDATION;
  }
}

/** Reads an error body, falling back to a localized message when it is not an ApiError. */
export function parseErrorBody(status: number, body: unknown, locale: Locale): ApiError {
  if (typeof body === 'object' && body !== null) {
    const { code, message, fields } = body as Record<string, unknown>;
    if (isErrorCode(code) && typeof message === 'string' && message !== '') {
      const error: ApiError = { code, message };
      if (typeof fields === 'object' && fields !== null) {
        error.fields = Object.fromEntries(
          Object.entries(fields).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
        );
      }
      return error;
    }
  }
  const code = codeForStatus(status);
  return { code, message: errorMessage(code, locale) };
}

/** `path?query`, leaving out empty, null and undefined values. */
export function buildUrl(path: string, query: RequestOptions['query']): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

/**
 * Calls the E-Cabinet HTTP API: JSON in and out, the session cookie, and `Accept-Language` set
 * to the UI language so server errors come back in it. Throws {@link ApiRequestError}.
 */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const locale = getLocale();
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': locale };
  const init: RequestInit = { method: options.method ?? 'GET', headers, credentials: 'same-origin' };
  if (options.signal) init.signal = options.signal;
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(options.body);
  }

  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), init);
  } catch (err) {
    if (options.signal?.aborted) throw err;
    throw new ApiRequestError(0, { code: ErrorCode.UNAVAILABLE, message: translate(locale, 'error.network') });
  }

  if (!response.ok) {
    if (response.status === 401 && path !== '/api/auth/login') unauthorizedHandler?.();
    const body: unknown = await response.json().catch(() => null);
    throw new ApiRequestError(response.status, parseErrorBody(response.status, body, locale));
  }
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}
