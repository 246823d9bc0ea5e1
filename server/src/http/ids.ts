import { ObjectId } from 'mongodb';
import { AppError } from './app-error.ts';

/** Parses a 24-hex id that a schema has already checked; anything else is a plain 404. */
export function toObjectId(id: string): ObjectId {
  if (!/^[0-9a-f]{24}$/.test(id)) throw new AppError('NOT_FOUND');
  return new ObjectId(id);
}
