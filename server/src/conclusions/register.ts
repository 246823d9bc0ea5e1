import type { Collection } from 'mongodb';
import type { RegisterNumberDoc } from '../db/collections.ts';
import { AppError, isDuplicateKey } from '../http/app-error.ts';

const VN_OFFSET_MS = 7 * 3600_000;
const MAX_ATTEMPTS = 50;

/** The calendar year in Viet Nam at `at`: registers restart from 1 each year. */
export function registerYear(at: Date): number {
  return new Date(at.getTime() + VN_OFFSET_MS).getUTCFullYear();
}

/**
 * The organisation's register of document numbers (sổ đăng ký văn bản đi): one sequence per year
 * and code ("BB" minutes, "TB" notices), from 1. A number is claimed by a unique insert, so two
 * claims never share one, in this process or another; a claim for a target that already has its
 * number (a retry after a crash) gets that number again.
 */
export class DocumentRegister {
  constructor(private readonly col: Collection<RegisterNumberDoc>) {}

  async claim(code: string, target: string, at: Date): Promise<string> {
    const year = registerYear(at);
    const existing = await this.col.findOne({ year, code, target });
    if (existing) return String(existing.n);
    // Numbers are claimed one above another, so the count is the last one.
    let n = (await this.col.countDocuments({ year, code })) + 1;
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      try {
        await this.col.insertOne({ _id: `${year}:${code}:${n}`, year, code, n, target, at });
        return String(n);
      } catch (err) {
        if (!isDuplicateKey(err)) throw err;
        n++;
      }
    }
    throw new AppError('CONFLICT');
  }
}
