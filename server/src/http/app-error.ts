import { ErrorCode } from '@e-cabinet/protocol';

const STATUS: Partial<Record<ErrorCode, number>> = {
  VALIDATION: 400,
  AUTH_WRONG_PASSWORD: 400,
  AUTH_WEAK_PASSWORD: 400,
  UNAUTHENTICATED: 401,
  AUTH_INVALID_CREDENTIALS: 401,
  SESSION_REVOKED: 401,
  FORBIDDEN: 403,
  AUTH_ACCOUNT_DISABLED: 403,
  NOT_FOUND: 404,
  UNIT_NOT_FOUND: 400,
  CONFLICT: 409,
  USERNAME_TAKEN: 409,
  UNIT_CODE_TAKEN: 409,
  UNIT_HAS_CHILDREN: 409,
  CANNOT_DEACTIVATE_SELF: 409,
  PAYLOAD_TOO_LARGE: 413,
  PROTOCOL_MISMATCH: 426,
  RATE_LIMITED: 429,
  AUTH_TOO_MANY_ATTEMPTS: 429,
  UNAVAILABLE: 503,
  MEETING_BAD_TRANSITION: 409,
  MEETING_NOT_EDITABLE: 409,
  MEETING_TIME_ORDER: 400,
  MEETING_NO_CHAIR: 409,
  MEETING_EMPTY_AGENDA: 409,
  AGENDA_ORDER_MISMATCH: 409,
  AGENDA_ITEM_HAS_DOCUMENTS: 409,
  PARTICIPANT_NOT_FOUND: 400,
  FILE_EMPTY: 400,
  FILE_TOO_LARGE: 413,
  FILE_TYPE_NOT_ALLOWED: 415,
  PDF_CORRUPT: 422,
  PDF_ENCRYPTED: 422,
  CONVERSION_FAILED: 422,
  RANGE_NOT_SATISFIABLE: 416,
  DOWNLOAD_DISABLED: 403,
  EXPORT_TOO_LARGE: 413,
  RESULT_PACKAGE_CONFLICT: 409,
  DELIVERY_IN_PROGRESS: 409,
  TASK_MEETING_NOT_STARTED: 409,
  TASK_ASSIGNEE_NOT_IN_UNIT: 400,
  TASK_DEADLINE_PAST: 400,
  TASK_CANCELLED: 409,
  TASK_NO_RESULT: 404,
  MEETING_NOT_LIVE: 409,
  NOT_CHECKED_IN: 409,
  PROXY_NOT_VOTING: 409,
  PROXY_PRINCIPAL_PRESENT: 409,
  PROXY_ALREADY_GIVEN: 409,
  PROXY_HOLDER_TAKEN: 409,
  PROXY_CHAIN: 409,
  SPEAKERS_NO_ITEM: 409,
  SPEAKERS_QUEUE_CHANGED: 409,
  POLL_NOT_DRAFT: 409,
  POLL_NOT_OPEN: 409,
  POLL_CLOSED: 409,
  NO_QUORUM: 409,
  NOT_ELIGIBLE: 403,
  ALREADY_VOTED: 409,
  BALLOT_INVALID: 400,
  MINUTES_NOT_OPEN: 409,
  MINUTES_UNCHANGED: 409,
  MINUTES_NOT_READY: 409,
  MINUTES_NOT_LATEST: 409,
  MINUTES_ALREADY_SIGNED: 409,
  MINUTES_NOT_SIGNED: 409,
};

/**
 * An error the client is meant to see: a machine code, the HTTP status it maps to, and optional
 * per-field details. The message is chosen from the code in the user's language when sent.
 */
export class AppError extends Error {
  readonly statusCode: number;
  constructor(
    readonly code: ErrorCode,
    readonly fields?: Record<string, string>,
    readonly headers?: Record<string, string>,
  ) {
    super(code);
    this.name = 'AppError';
    this.statusCode = STATUS[code] ?? 500;
  }
}

export const notFound = () => new AppError(ErrorCode.NOT_FOUND);
export const forbidden = () => new AppError(ErrorCode.FORBIDDEN);

/** MongoDB duplicate-key error (unique index). */
export function isDuplicateKey(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === 11000;
}
