import type { Minutes, MinutesVersion } from '@e-cabinet/protocol';
import { api } from '../../api/client';

const base = (meetingId: string) => `/api/meetings/${encodeURIComponent(meetingId)}/minutes`;
const withSignal = (signal?: AbortSignal) => (signal ? { signal } : {});

export type MinutesPdfKind = 'minutes' | 'notice';

export const minutesApi = {
  get: (meetingId: string, signal?: AbortSignal) => api<Minutes>(base(meetingId), withSignal(signal)),
  approve: (meetingId: string) => api<MinutesVersion>(`${base(meetingId)}/approve`, { method: 'POST' }),
  sign: (meetingId: string, version: number) => api<MinutesVersion>(`${base(meetingId)}/versions/${version}/sign`, { method: 'POST' }),
};

/** A version's PDF (the signed one once signed), opened by the browser in a new tab. */
export const minutesPdfUrl = (meetingId: string, version: number, kind: MinutesPdfKind) => `${base(meetingId)}/versions/${version}/${kind}.pdf`;

/** The page of a meeting's minutes. */
export const minutesPath = (meetingId: string) => `/meetings/${encodeURIComponent(meetingId)}/minutes`;
