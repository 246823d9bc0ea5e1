import fp from 'fastify-plugin';
import { ConclusionsService } from './conclusions-service.ts';

declare module 'fastify' {
  interface FastifyInstance {
    conclusions: ConclusionsService;
  }
}

/**
 * Conclusions, minutes and the result package: `app.conclusions`. Once the app is ready it
 * finishes what a restart interrupted; before the database closes it lets queued PDF
 * generation finish.
 */
export default fp(
  async (app) => {
    const conclusions = new ConclusionsService(app);
    app.decorate('conclusions', conclusions);
    app.addHook('onReady', async () => conclusions.begin());
    app.addHook('preClose', async () => {
      await conclusions.recovered;
      await conclusions.idle();
    });
  },
  { name: 'conclusions', dependencies: ['services', 'collab', 'delivery'] },
);
