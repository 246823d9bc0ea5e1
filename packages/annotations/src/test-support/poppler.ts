import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Checks burn-in output with poppler, an independent renderer, rather than trusting pdf-lib.

export interface Raster {
  width: number;
  height: number;
  /** RGB of the pixel at column x, row y (row 0 at the top). */
  at(x: number, y: number): [number, number, number];
}

/** Parses a binary PPM (P6, maxval 255) as pdftoppm writes it. */
export function parsePpm(buf: Uint8Array): Raster {
  const fields: number[] = [];
  let i = 2; // after "P6"
  if (buf[0] !== 0x50 || buf[1] !== 0x36) throw new Error('not a P6 PPM');
  while (fields.length < 3) {
    const c = buf[i] as number;
    if (c === 0x23) while (buf[i] !== 0x0a) i++; // comment to end of line
    else if (c >= 0x30 && c <= 0x39) {
      let n = 0;
      while ((buf[i] as number) >= 0x30 && (buf[i] as number) <= 0x39) n = n * 10 + (buf[i++] as number) - 0x30;
      fields.push(n);
      continue;
    }
    i++;
  }
  const [width = 0, height = 0, max] = fields;
  if (max !== 255) throw new Error(`unsupported maxval ${max}`);
  const data = buf.subarray(i + 1); // exactly one whitespace byte after maxval
  return {
    width,
    height,
    at(x, y) {
      const o = (Math.round(y) * width + Math.round(x)) * 3;
      return [data[o] as number, data[o + 1] as number, data[o + 2] as number];
    },
  };
}

function withTemp<T>(pdf: Uint8Array, fn: (dir: string, file: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'ann-burn-'));
  try {
    const file = join(dir, 'in.pdf');
    writeFileSync(file, pdf);
    return fn(dir, file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Renders one page as PPM (pdftoppm's default format; poppler 22 has no `-ppm` flag) at `dpi`. */
export function rasterize(pdf: Uint8Array, page: number, dpi: number): Raster {
  return withTemp(pdf, (dir, file) => {
    const out = join(dir, 'page');
    execFileSync('pdftoppm', ['-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', file, out]);
    return parsePpm(new Uint8Array(readFileSync(`${out}.ppm`)));
  });
}

/** Text of one page (or all pages) with `pdftotext`; `raw` keeps content-stream order. */
export function pdfText(pdf: Uint8Array, page?: number, raw = false): string {
  return withTemp(pdf, (_dir, file) => {
    const range = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
    const mode = raw ? ['-raw'] : [];
    return execFileSync('pdftotext', ['-enc', 'UTF-8', ...mode, ...range, file, '-'], { encoding: 'utf8' });
  });
}
