import type { DocumentVersion, MeetingDocument, ReadReport, UpdateDocument } from '@e-cabinet/protocol';
import { api } from '../../api/client';

const doc = (id: string) => `/api/documents/${encodeURIComponent(id)}`;
const withSignal = (signal?: AbortSignal) => (signal ? { signal } : {});

export const documentsApi = {
  forMeeting: (meetingId: string, signal?: AbortSignal) =>
    api<{ items: MeetingDocument[] }>(`/api/meetings/${encodeURIComponent(meetingId)}/documents`, withSignal(signal)).then((r) => r.items),
  get: (id: string, signal?: AbortSignal) => api<MeetingDocument>(doc(id), withSignal(signal)),
  update: (id: string, body: UpdateDocument) => api<MeetingDocument>(doc(id), { method: 'PATCH', body }),
  versions: (id: string, signal?: AbortSignal) =>
    api<{ items: DocumentVersion[] }>(`${doc(id)}/versions`, withSignal(signal)).then((r) => r.items),
  /** Records that the caller opened the current version (the read-tracking report). */
  recordOpen: (id: string) => api<void>(`${doc(id)}/open`, { method: 'POST' }),
  readReport: (meetingId: string, signal?: AbortSignal) =>
    api<ReadReport>(`/api/meetings/${encodeURIComponent(meetingId)}/reads`, withSignal(signal)).then((r) => r.items),
};

/** The PDF bytes (range requests), for the viewer. */
export const documentFileUrl = (id: string) => `${doc(id)}/file`;
/** The PDF as an attachment; refused (DOWNLOAD_DISABLED) for confidential documents and when `allowDownload` is off. */
export const documentDownloadUrl = (id: string) => `${doc(id)}/file?download=1`;
