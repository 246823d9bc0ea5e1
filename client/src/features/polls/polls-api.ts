import type { CreatePoll, Poll, PollDetail, PollList, UpdatePoll } from '@e-cabinet/protocol';
import { api } from '../../api/client';

const base = (meetingId: string) => `/api/meetings/${encodeURIComponent(meetingId)}/polls`;
const one = (meetingId: string, pollId: string) => `${base(meetingId)}/${encodeURIComponent(pollId)}`;
const withSignal = (signal?: AbortSignal) => (signal ? { signal } : {});

/** Polls over HTTP: listing, and preparing drafts. Opening, closing and voting go over the socket. */
export const pollsApi = {
  list: (meetingId: string, signal?: AbortSignal) => api<PollList>(base(meetingId), withSignal(signal)).then((r) => r.polls),
  /** One poll with the caller's own ballots (`myBallots`). */
  get: (meetingId: string, pollId: string, signal?: AbortSignal) => api<PollDetail>(one(meetingId, pollId), withSignal(signal)),
  create: (meetingId: string, body: CreatePoll) => api<Poll>(base(meetingId), { method: 'POST', body }),
  update: (meetingId: string, pollId: string, body: UpdatePoll) => api<Poll>(one(meetingId, pollId), { method: 'PATCH', body }),
  remove: (meetingId: string, pollId: string) => api<void>(one(meetingId, pollId), { method: 'DELETE' }),
};
