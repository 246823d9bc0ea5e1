import fp from 'fastify-plugin';
import { PollsService } from './polls-service.ts';

declare module 'fastify' {
  interface FastifyInstance {
    polls: PollsService;
  }
}

/**
 * Polls and ballots. Lists its polls in the live state, hears roll and attendance changes (ballot
 * rights change with them) and live events (an ended meeting closes its polls), brings open polls
 * and their timers back at start-up, and stops its timers on close. Socket commands are
 * registered by the socket server.
 */
export default fp(
  async (app) => {
    const polls = new PollsService(app);
    app.decorate('polls', polls);
    app.live.setPollSource((meetingId) => polls.summaries(meetingId));
    app.live.onRosterChange((meetingId) => polls.onRosterChange(meetingId));
    app.live.onEvent((event) => polls.onLiveEvent(event));
    app.addHook('onReady', async () => polls.restore());
    app.addHook('preClose', async () => polls.stop());
  },
  { name: 'polls', dependencies: ['live'] },
);
