import { Type, type Static, type TLiteral, type TUnion } from 'typebox';

/** A MongoDB ObjectId as 24 lowercase hex characters. */
export const IdSchema = Type.String({ pattern: '^[0-9a-f]{24}$', description: 'Object id (24 hex characters)' });
export type Id = Static<typeof IdSchema>;

export const IdParamsSchema = Type.Object({ id: IdSchema }, { additionalProperties: false });
export type IdParams = Static<typeof IdParamsSchema>;

/** ISO-8601 date-time string in UTC. */
export const DateTimeSchema = Type.String({ format: 'date-time' });

/** A string that is not blank once trimmed; limited so nobody stores a novel in a title. */
export function NonBlank(maxLength: number, options: { description?: string } = {}) {
  return Type.String({ minLength: 1, maxLength, pattern: '\\S', ...options });
}

export const PasswordSchema = Type.String({ minLength: 8, maxLength: 200 });

/** A union of string literals from a const list, keeping the literal types. */
export function LiteralUnion<const T extends readonly string[]>(values: T): TUnion<{ -readonly [K in keyof T]: TLiteral<T[K]> }> {
  return Type.Union(values.map((v) => Type.Literal(v))) as never;
}
