import fp from 'fastify-plugin';
import { GridFSBucket } from 'mongodb';
import { collections } from '../db/collections.ts';
import { TaskReminders } from './task-reminders.ts';
import { TasksService } from './tasks-service.ts';

declare module 'fastify' {
  interface FastifyInstance {
    tasks: TasksService;
    taskReminders: TaskReminders;
    /** Result files of tasks (GridFS bucket `taskResults`). */
    taskResults: GridFSBucket;
  }
}

/**
 * Follow-up tasks: `app.tasks`, and the reminder scheduler, which starts once the app is ready
 * (TASK_REMINDER_INTERVAL_MS) and stops, letting a tick in hand finish, when it closes.
 */
export default fp(
  async (app) => {
    app.decorate('tasks', new TasksService(collections(app.db)));
    app.decorate('taskResults', new GridFSBucket(app.db, { bucketName: 'taskResults' }));
    const reminders = new TaskReminders(app);
    app.decorate('taskReminders', reminders);
    app.addHook('onReady', async () => reminders.start(app.config.taskReminderIntervalMs));
    app.addHook('onClose', async () => {
      reminders.stop();
      await reminders.idle();
    });
  },
  { name: 'tasks', dependencies: ['services', 'socket-server'] },
);
