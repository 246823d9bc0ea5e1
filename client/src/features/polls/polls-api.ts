import type { CreatePoll, Poll, PollDetail, PollList, PollVoters, UpdatePoll } from '@e-cabinet/protocol';
import { api } from '../../api/client';

const base = (meetingId: string) => `/api/meetings/${encodeURIComponent(meetingId)}/polls`;
const one = (meetingId: string, pollId: string) => `${base(meetingId)}/${encodeURIComponent(pollId)}`;
const withSignal = (signal?: AbortSignal) => (signal ? { signal } : {});

/** Polls over HTTP: listing, and preparing drafts. Opening, closing and voting go over the socket. */
export const pollsApi = {
  list: (meetingId: string, signal?: AbortSignal) => api<PollList>(base(meetingId), withSignal(signal)).then((r) => r.polls),
  /** One poll with the caller's own ballots (`myBallots`). */
  get: (meetingId: string, pollId: string, signal?: AbortSignal) => api<PollDetail>(one(meetingId, pollId), withSignal(signal)),
  /** Who voted what in a closed named poll: not sent with the result, fetched when the list is shown. */
  voters: (meetingId: string, pollId: string, signal?: AbortSignal) => api<PollVoters>(`${one(meetingId, pollId)}/voters`, withSignal(signal)).then((r) => r.voters),
  create: (meetingId: string, body: CreatePoll) => api<Poll>(base(meetingId), { method: 'POST', body }),
  update: (meetingId: string, pollId: string, body: UpdatePoll) => api<Poll>(one(meetingId, pollId), { method: 'PATCH', body }),
  remove: (meetingId: string, pollId: string) => api<void>(one(meetingId, pollId), { method: 'DELETE' }),
};
