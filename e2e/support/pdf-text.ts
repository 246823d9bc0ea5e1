import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * The text of a PDF as poppler's `pdftotext` reads it (Debian `poppler-utils`): what a reader
 * would copy out of the document, so blank boxes from a broken font show up as missing words.
 * NFC-normalised, with every run of whitespace (line and page breaks included) made one space,
 * so a phrase the layout wrapped still matches.
 */
export async function pdfText(bytes: Buffer): Promise<string> {
  const stdout = await withPdfFile(bytes, (file) => run('pdftotext', ['-enc', 'UTF-8', file, '-'], { maxBuffer: 32 * 1024 * 1024 }));
  return stdout.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** The same whitespace rule for a phrase to look for in `pdfText`'s output. */
export function asPdfPhrase(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/**
 * What poppler's `pdfsig` says about a PDF's signatures. It exits 0 even when a digest does not
 * match, so callers look for "Signature is Valid." in the output rather than at the exit code.
 */
export async function pdfSignatures(bytes: Buffer): Promise<string> {
  return withPdfFile(bytes, (file) => run('pdfsig', [file]));
}

/** Runs a poppler tool on the bytes written to a temporary file (removed afterwards); its stdout. */
async function withPdfFile(bytes: Buffer, tool: (file: string) => Promise<{ stdout: string }>): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'e2e-pdf-'));
  try {
    const file = path.join(dir, 'in.pdf');
    await fs.writeFile(file, bytes);
    return (await tool(file)).stdout;
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
