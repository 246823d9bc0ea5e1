import type { Minutes, MinutesVersion, MinutesVersionStatus, Notification } from '@e-cabinet/protocol';
import type { MessageKey } from '../../i18n';
import { minutesPath } from './minutes-api';

/** While the server renders a version's PDFs the page asks again this often. */
export const GENERATING_POLL_MS = 2_000;

/**
 * How long after the last edit of the draft the page asks the server again whether it still
 * matches the approved version (the server stores the doc, then answers from it).
 */
export const DRAFT_RECHECK_MS = 3_000;

/** Whether some version is still being rendered (the page then refreshes until it is not). */
export function isGenerating(minutes: Pick<Minutes, 'versions'> | undefined): boolean {
  return minutes?.versions.some((v) => v.status === 'generating') ?? false;
}

/** The newest version (the list comes newest first, but the order is not relied on). */
export function latestVersion(versions: readonly MinutesVersion[]): MinutesVersion | null {
  let latest: MinutesVersion | null = null;
  for (const v of versions) if (!latest || v.version > latest.version) latest = v;
  return latest;
}

export const VERSION_STATUS_KEY = {
  generating: 'minutes.status.generating',
  ready: 'minutes.status.ready',
  signed: 'minutes.status.signed',
  failed: 'minutes.status.failed',
} as const satisfies Record<MinutesVersionStatus, MessageKey>;

/** The version's PDFs can be opened: generated (and, once signed, the signed ones). */
export function hasPdfs(version: Pick<MinutesVersion, 'status'>): boolean {
  return version.status === 'ready' || version.status === 'signed';
}

/** A SHA-256 shortened for reading: the first and last 8 hex digits. The full value is kept for copying. */
export function shortHash(hash: string, keep = 8): string {
  return hash.length <= keep * 2 + 1 ? hash : `${hash.slice(0, keep)}…${hash.slice(-keep)}`;
}

/** Percent of `base`, one decimal, without a trailing ".0" (0 when there is no base). */
export function percentOf(count: number, base: number): string {
  if (base <= 0) return '0';
  const value = Math.round((count / base) * 1000) / 10;
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

/** The item's text fields in the collab doc, for the draft and its labels. */
export const MINUTES_FIELDS = ['opinions', 'conclusion'] as const;
export type MinutesField = (typeof MINUTES_FIELDS)[number];

/**
 * Where a notification leads. Task reminders open their task (the task list when the
 * notification predates task ids); results of a meeting open its minutes when the user may see the meeting,
 * the task list otherwise (the results assign tasks to their unit).
 */
export function notificationLink(n: Pick<Notification, 'kind' | 'meetingId' | 'taskId'>): string | null {
  if (n.kind.startsWith('task.')) return n.taskId ? `/tasks/${n.taskId}` : '/tasks';
  if (n.kind === 'meeting.results') return n.meetingId ? minutesPath(n.meetingId) : '/tasks';
  return n.meetingId ? `/meetings/${n.meetingId}` : null;
}
