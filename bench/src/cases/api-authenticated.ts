import type { Measurement } from '../case.ts';
import { defineCase } from '../case.ts';
import { getOk, signIn } from '../http.ts';
import { closedLoop } from '../load.ts';

const CONCURRENCY = [16, 64];
const PATHS = ['/api/auth/me', '/api/units'];

/** Every authenticated request resolves the session and the user from the database. */
export default defineCase({
  name: 'api-authenticated',
  description: `GET ${PATHS.join(' and ')} with a session cookie, at concurrency ${CONCURRENCY.join(' and ')}`,
  async run(ctx) {
    const cookie = await signIn(ctx.baseUrl);
    const measurements: Record<string, Measurement> = {};
    for (const concurrency of CONCURRENCY) {
      for (const path of PATHS) {
        ctx.log(`  GET ${path} c=${concurrency}`);
        measurements[`GET ${path} c=${concurrency}`] = await closedLoop(() => getOk(ctx.baseUrl, path, cookie), {
          concurrency,
          durationMs: ctx.durationMs,
          warmupMs: ctx.warmupMs,
        });
      }
    }
    return { measurements };
  },
});
