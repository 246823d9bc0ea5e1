import { execFile } from 'node:child_process';
import fs from 'node:fs';
import { promisify } from 'node:util';
import { AppError } from '../http/app-error.ts';

const run = promisify(execFile);

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

async function qpdf(args: string[]): Promise<Result> {
  try {
    const { stdout, stderr } = await run('qpdf', args, { maxBuffer: 4 * 1024 * 1024, timeout: 120_000 });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code?: number | string; stdout?: string; stderr?: string };
    if (e.code === 'ENOENT') throw new Error('qpdf is not installed (Debian package qpdf; run pnpm setup)', { cause: err });
    return { code: typeof e.code === 'number' ? e.code : 1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

/** The last 1 KB must hold `%%EOF`: a truncated linearized PDF otherwise still opens. */
async function hasEofMarker(file: string): Promise<boolean> {
  const handle = await fs.promises.open(file, 'r');
  try {
    const { size } = await handle.stat();
    const length = Math.min(1024, size);
    const buf = Buffer.alloc(length);
    await handle.read(buf, 0, length, size - length);
    return buf.toString('latin1').includes('%%EOF');
  } finally {
    await handle.close();
  }
}

/**
 * Checks that a file is a whole, readable, unencrypted PDF and returns its page count, counted
 * by walking the page tree (never trusting /Count). Works from disk: the file is not loaded.
 */
export async function inspectPdf(file: string): Promise<{ pageCount: number }> {
  if (!(await hasEofMarker(file))) throw new AppError('PDF_CORRUPT');
  // qpdf --is-encrypted: exit 0 when encrypted, 2 when not.
  const encrypted = await qpdf(['--is-encrypted', file]);
  if (encrypted.code === 0) throw new AppError('PDF_ENCRYPTED');
  // Exit 2 is an error, 3 a warning. Warnings here mean qpdf had to repair the structure
  // (a damaged xref, a truncated stream), which a reader on a tablet may not manage.
  const check = await qpdf(['--check', file]);
  if (check.code !== 0) throw new AppError('PDF_CORRUPT');
  const pages = await qpdf(['--show-npages', file]);
  const pageCount = Number(pages.stdout.trim());
  if (pages.code !== 0 || !Number.isInteger(pageCount) || pageCount < 1) throw new AppError('PDF_CORRUPT');
  return { pageCount };
}

/**
 * Rewrites a PDF with object streams so the page tree sits at the front: pdf.js then shows
 * page 1 of a large scanned file after a few hundred KB instead of tens of MB.
 */
export async function rewriteForFastOpen(input: string, output: string): Promise<void> {
  const res = await qpdf(['--object-streams=generate', '--compress-streams=y', input, output]);
  if (res.code !== 0 && res.code !== 3) throw new AppError('PDF_CORRUPT');
}
