import type { Static, TSchema } from 'typebox';
import { Compile } from 'typebox/compile';
import { DEFAULT_LOCALE, type Locale } from './locale.ts';
import { describeIssues, type SchemaIssue } from './validation-messages.ts';

export interface Invalid {
  ok: false;
  /** JSON pointer → message, e.g. `{ "/title": "must not have fewer than 1 characters" }`. */
  fields: Record<string, string>;
}
export type Validated<T> = { ok: true; value: T } | Invalid;

/**
 * Compiles a schema once and returns a function that checks unknown input against it.
 * Used for socket payloads, where Fastify's own validation does not reach.
 */
export function compileValidator<S extends TSchema>(schema: S): (input: unknown, locale?: Locale) => Validated<Static<S>> {
  const compiled = Compile(schema);
  return (input, locale = DEFAULT_LOCALE) => {
    if (compiled.Check(input)) return { ok: true, value: input as Static<S> };
    return { ok: false, fields: describeIssues(compiled.Errors(input) as Iterable<SchemaIssue>, locale) };
  };
}
