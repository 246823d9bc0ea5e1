import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';

/** A real multi-page PDF, each page numbered, so byte ranges and page counts can be checked. */
export async function makePdf(pages: number, opts: { padBytes?: number } = {}): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (let i = 1; i <= pages; i++) {
    const page = pdf.addPage([595, 842]);
    page.drawText(`Page ${i}`, { x: 50, y: 780, size: 24, font });
  }
  if (opts.padBytes) {
    // An attachment makes the file as large as a test needs without many pages.
    // Random bytes, so compression cannot shrink them.
    await pdf.attach(randomBytes(opts.padBytes), 'padding.bin', { mimeType: 'application/octet-stream' });
  }
  return Buffer.from(await pdf.save({ useObjectStreams: false }));
}

/** Runs `fn` in a fresh temporary directory and removes it afterwards. */
function inTempDir<T>(fn: (dir: string) => T): T {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecab-test-'));
  try {
    return fn(dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The same PDF, encrypted with a user password by qpdf. */
export function encryptPdf(bytes: Buffer): Buffer {
  return inTempDir((dir) => {
    fs.writeFileSync(path.join(dir, 'in.pdf'), bytes);
    execFileSync('qpdf', ['--encrypt', 'user-pass', 'owner-pass', '256', '--', path.join(dir, 'in.pdf'), path.join(dir, 'out.pdf')]);
    return fs.readFileSync(path.join(dir, 'out.pdf'));
  });
}

/** A real .docx, written by LibreOffice from HTML. */
export function makeDocx(html: string): Buffer {
  return inTempDir((dir) => {
    fs.writeFileSync(path.join(dir, 'source.html'), html);
    execFileSync('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--norestore', '--convert-to', 'docx:MS Word 2007 XML', '--outdir', dir, path.join(dir, 'source.html')], { stdio: 'ignore', timeout: 180_000 });
    return fs.readFileSync(path.join(dir, 'source.docx'));
  });
}

/** The text of a PDF, as poppler's pdftotext reads it. */
export function pdfText(bytes: Buffer): string {
  return execFileSync('pdftotext', ['-', '-'], { input: bytes }).toString();
}
