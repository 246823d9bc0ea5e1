import { defineCase } from '../case.ts';
import { signIn } from '../http.ts';
import { closedLoop } from '../load.ts';

const CONCURRENCY = 8;

/** argon2id verification dominates: tens of logins per second on 2 cores is the design. */
export default defineCase({
  name: 'login',
  description: `POST /api/auth/login as admin, ${CONCURRENCY} at a time`,
  async run(ctx) {
    const m = await closedLoop(() => signIn(ctx.baseUrl).then(() => undefined), { concurrency: CONCURRENCY, durationMs: ctx.durationMs, warmupMs: ctx.warmupMs });
    return { measurements: { [`POST /api/auth/login c=${CONCURRENCY}`]: m } };
  },
});
