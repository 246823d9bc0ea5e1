import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/*
 * Reads generated PDFs back with poppler (Debian poppler-utils), an independent reader, so
 * tests check what a person's viewer would get rather than what pdf-lib believes it wrote.
 */

function withFile<T>(pdf: Uint8Array, fn: (file: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'ecab-pdf-'));
  try {
    const file = join(dir, 'doc.pdf');
    writeFileSync(file, pdf);
    return fn(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Text of each page (`pdftotext`, with `-layout` when asked). */
export function pdfPages(pdf: Uint8Array, opts: { layout: boolean }): string[] {
  const out = withFile(pdf, (file) => execFileSync('pdftotext', [...(opts.layout ? ['-layout'] : []), '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }));
  const pages = out.split('\f');
  if (pages[pages.length - 1]?.trim() === '') pages.pop();
  return pages;
}

/** All text with the page-number lines removed and every run of whitespace made one space. */
export function flatText(pages: readonly string[]): string {
  return pages
    .join('\n')
    .split('\n')
    .filter((l) => !/^\s*Trang \d+\/\d+\s*$/.test(l))
    .join(' ')
    .replace(/\s+/g, ' ');
}

export interface FontRow {
  name: string;
  type: string;
  embedded: boolean;
  unicode: boolean;
}

/** `pdffonts` rows. */
export function pdfFonts(pdf: Uint8Array): FontRow[] {
  const out = withFile(pdf, (file) => execFileSync('pdffonts', [file], { encoding: 'utf8' }));
  return out
    .split('\n')
    .slice(2)
    .filter((l) => l.trim())
    .map((l) => {
      // name, type (may contain spaces), encoding, emb, sub, uni, object id, generation
      const m = /^(\S+)\s+(.+?)\s+(\S+)\s+(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/.exec(l);
      if (!m) throw new Error(`unexpected pdffonts line: ${l}`);
      return { name: m[1] ?? '', type: m[2] ?? '', embedded: m[4] === 'yes', unicode: m[6] === 'yes' };
    });
}

export interface WordBox {
  page: number;
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** Every word with its box in points, origin top-left (`pdftotext -bbox`). */
export function pdfWords(pdf: Uint8Array): { pageWidth: number; pageHeight: number; words: WordBox[] } {
  const html = withFile(pdf, (file) => execFileSync('pdftotext', ['-bbox', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }));
  const words: WordBox[] = [];
  let page = 0;
  let pageWidth = 0;
  let pageHeight = 0;
  for (const m of html.matchAll(/<page width="([\d.]+)" height="([\d.]+)">|<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
    if (m[1]) {
      page++;
      pageWidth = Number(m[1]);
      pageHeight = Number(m[2]);
    } else {
      words.push({ page, text: m[7] ?? '', xMin: Number(m[3]), yMin: Number(m[4]), xMax: Number(m[5]), yMax: Number(m[6]) });
    }
  }
  return { pageWidth, pageHeight, words };
}
