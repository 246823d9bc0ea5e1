import type {
  CreateMeeting,
  Directory,
  Meeting,
  MeetingSummary,
  MeetingTransition,
  Rsvp,
  RsvpEntry,
  UpdateMeeting,
} from '@e-cabinet/protocol';
import { api } from '../../api/client';

const path = (id: string) => `/api/meetings/${encodeURIComponent(id)}`;
const withSignal = (signal?: AbortSignal) => (signal ? { signal } : {});

export const meetingsApi = {
  list: (scope: 'upcoming' | 'past' | 'all', signal?: AbortSignal) =>
    api<{ items: MeetingSummary[] }>('/api/meetings', { query: { scope }, ...withSignal(signal) }).then((r) => r.items),
  get: (id: string, signal?: AbortSignal) => api<Meeting>(path(id), withSignal(signal)),
  create: (body: CreateMeeting) => api<Meeting>('/api/meetings', { method: 'POST', body }),
  update: (id: string, body: UpdateMeeting) => api<Meeting>(path(id), { method: 'PATCH', body }),
  transition: (id: string, transition: MeetingTransition, comment?: string) =>
    api<Meeting>(`${path(id)}/transitions/${transition}`, { method: 'POST', body: comment ? { comment } : {} }),
  rsvp: (id: string, body: Rsvp) => api<RsvpEntry>(`${path(id)}/rsvp`, { method: 'POST', body }),
  rsvps: (id: string, signal?: AbortSignal) =>
    api<{ items: RsvpEntry[] }>(`${path(id)}/rsvps`, withSignal(signal)).then((r) => r.items),
};

const DIRECTORY_TTL_MS = 60_000;
const collator = new Intl.Collator('vi');

/** People and units in Vietnamese alphabetical order, for pickers. */
export function sortDirectory(directory: Directory): Directory {
  return {
    users: [...directory.users].sort((a, b) => collator.compare(a.fullName, b.fullName)),
    units: [...directory.units].sort((a, b) => collator.compare(a.name, b.name)),
  };
}
let directoryCache: { at: number; promise: Promise<Directory> } | null = null;

/**
 * Active people and units, for pickers. Several pickers on one page share one request; the
 * answer is reused for a minute.
 */
export function loadDirectory(): Promise<Directory> {
  const now = Date.now();
  if (directoryCache && now - directoryCache.at < DIRECTORY_TTL_MS) return directoryCache.promise;
  const promise = api<Directory>('/api/directory').then(sortDirectory);
  directoryCache = { at: now, promise };
  promise.catch(() => {
    if (directoryCache?.promise === promise) directoryCache = null;
  });
  return promise;
}
