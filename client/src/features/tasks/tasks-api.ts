import type { CreateTask, Task, TaskDashboard, TaskDetail, TaskList, TaskListQuery, TaskOverview, UpdateTask } from '@e-cabinet/protocol';
import { api, buildUrl } from '../../api/client';

const task = (id: string) => `/api/tasks/${encodeURIComponent(id)}`;
const withSignal = (signal?: AbortSignal) => (signal ? { signal } : {});

export const tasksApi = {
  forMeeting: (meetingId: string, signal?: AbortSignal) => api<TaskList>(`/api/meetings/${encodeURIComponent(meetingId)}/tasks`, withSignal(signal)).then((r) => r.items),
  create: (meetingId: string, body: CreateTask) => api<Task>(`/api/meetings/${encodeURIComponent(meetingId)}/tasks`, { method: 'POST', body }),
  mine: (query: TaskListQuery, signal?: AbortSignal) => api<TaskList>('/api/tasks/mine', { query: { ...query }, ...withSignal(signal) }).then((r) => r.items),
  get: (id: string, signal?: AbortSignal) => api<TaskDetail>(task(id), withSignal(signal)),
  update: (id: string, body: UpdateTask) => api<Task>(task(id), { method: 'PATCH', body }),
  overview: (signal?: AbortSignal) => api<TaskOverview>('/api/tasks/overview', withSignal(signal)),
  dashboard: (unitId: string | null, signal?: AbortSignal) => api<TaskDashboard>('/api/tasks/dashboard', { query: { unitId }, ...withSignal(signal) }),
};

/** The result document, inline (PDFs open in the browser) or as a download. */
export const taskResultUrl = (id: string, download = false) => `${task(id)}/result${download ? '?download=1' : ''}`;
/** Where the result file is sent (the body is the file). */
export const taskResultUploadUrl = (id: string, filename: string) => buildUrl(`${task(id)}/result`, { filename });
