import { ApiErrorSchema } from '@e-cabinet/protocol';

/** Response schemas for the error statuses a route can answer, all in the one error format. */
export function errorResponses<const S extends readonly number[]>(...statuses: S): { [K in S[number]]: typeof ApiErrorSchema } {
  return Object.fromEntries(statuses.map((s) => [s, ApiErrorSchema])) as { [K in S[number]]: typeof ApiErrorSchema };
}
