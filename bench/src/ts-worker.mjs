// Bootstrap for worker threads that run TypeScript: on Node 20 a worker does not inherit the
// tsx loader of the thread that started it, so register it here, then load `workerData.script`.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.script);
