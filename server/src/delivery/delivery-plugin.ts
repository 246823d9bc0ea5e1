import fp from 'fastify-plugin';
import { DeliveryService } from './delivery-service.ts';

declare module 'fastify' {
  interface FastifyInstance {
    delivery: DeliveryService;
  }
}

/**
 * Result-package delivery: `app.delivery`. Its workers start once the app is ready (finishing
 * any package a crash left half-queued) and stop, letting a send in hand finish, when it closes.
 */
export default fp(
  async (app) => {
    const delivery = new DeliveryService(app);
    app.decorate('delivery', delivery);
    app.addHook('onReady', async () => delivery.start());
    app.addHook('onClose', async () => delivery.stop());
  },
  { name: 'delivery', dependencies: ['services', 'socket-server'] },
);
