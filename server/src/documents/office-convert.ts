import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { AppError } from '../http/app-error.ts';

const run = promisify(execFile);

/**
 * Converts a Word, Excel or PowerPoint file to PDF with LibreOffice. Each conversion gets its
 * own profile directory, so concurrent conversions do not fight over one.
 */
export async function convertToPdf(soffice: string, input: string, ext: string, workDir: string): Promise<string> {
  const named = path.join(workDir, `source.${ext}`);
  await fs.promises.copyFile(input, named);
  const profile = path.join(workDir, 'lo-profile');
  const outDir = path.join(workDir, 'converted');
  await fs.promises.mkdir(outDir, { recursive: true });
  try {
    await run(soffice, [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--norestore', '--nologo', '--convert-to', 'pdf', '--outdir', outDir, named], {
      timeout: 180_000,
      maxBuffer: 1024 * 1024,
    });
  } catch (err) {
    if ((err as { code?: string }).code === 'ENOENT') throw new Error('LibreOffice is not installed (run pnpm setup)', { cause: err });
    throw new AppError('CONVERSION_FAILED');
  }
  const pdf = path.join(outDir, 'source.pdf');
  if (!fs.existsSync(pdf) || (await fs.promises.stat(pdf)).size === 0) throw new AppError('CONVERSION_FAILED');
  return pdf;
}
