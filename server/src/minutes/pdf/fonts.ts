import { readFile } from 'node:fs/promises';
import fontkit from '@pdf-lib/fontkit';
import type { PDFDocument, PDFFont } from 'pdf-lib';

export type FontStyle = 'regular' | 'bold' | 'italic' | 'boldItalic';
export type FontSet = Record<FontStyle, PDFFont>;
type FontFiles = Record<FontStyle, Uint8Array>;

/*
 * Administrative documents are set in a Times-like serif. Full TTFs from Debian packages
 * (fonts-noto-core, fonts-liberation2), both covering Vietnamese, are subset into each PDF.
 * Never a split woff/woff2 from @fontsource: those render as blank boxes without an error.
 */
const FAMILIES: { name: string; files: Record<FontStyle, string> }[] = [
  {
    name: 'Noto Serif',
    files: {
      regular: '/usr/share/fonts/truetype/noto/NotoSerif-Regular.ttf',
      bold: '/usr/share/fonts/truetype/noto/NotoSerif-Bold.ttf',
      italic: '/usr/share/fonts/truetype/noto/NotoSerif-Italic.ttf',
      boldItalic: '/usr/share/fonts/truetype/noto/NotoSerif-BoldItalic.ttf',
    },
  },
  {
    name: 'Liberation Serif',
    files: {
      regular: '/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf',
      bold: '/usr/share/fonts/truetype/liberation2/LiberationSerif-Bold.ttf',
      italic: '/usr/share/fonts/truetype/liberation2/LiberationSerif-Italic.ttf',
      boldItalic: '/usr/share/fonts/truetype/liberation2/LiberationSerif-BoldItalic.ttf',
    },
  },
];

let loaded: Promise<FontFiles> | undefined;

async function readFamily(files: Record<FontStyle, string>): Promise<FontFiles> {
  const read = async (file: string) => new Uint8Array(await readFile(file));
  const [regular, bold, italic, boldItalic] = await Promise.all([read(files.regular), read(files.bold), read(files.italic), read(files.boldItalic)]);
  return { regular, bold, italic, boldItalic };
}

async function loadFontFiles(): Promise<FontFiles> {
  for (const family of FAMILIES) {
    try {
      return await readFamily(family.files);
    } catch {
      // Try the next family.
    }
  }
  throw new Error(
    `No serif font with Vietnamese for PDF documents: install the Debian package fonts-noto-core (or fonts-liberation2); looked for ${FAMILIES.map((f) => f.files.regular).join(', ')}`,
  );
}

/** The four styles embedded (subset) into `doc`. Font files are read once per process. */
export async function embedFonts(doc: PDFDocument): Promise<FontSet> {
  loaded ??= loadFontFiles().catch((err: unknown) => {
    loaded = undefined; // a later call may find the fonts once they are installed
    throw err;
  });
  const files = await loaded;
  doc.registerFontkit(fontkit);
  // No ligatures: a "fi" glyph would still extract, but searching and copying stay simplest
  // with one glyph per letter.
  const opts = { subset: true, features: { liga: false, clig: false } };
  const [regular, bold, italic, boldItalic] = await Promise.all([
    doc.embedFont(files.regular, opts),
    doc.embedFont(files.bold, opts),
    doc.embedFont(files.italic, opts),
    doc.embedFont(files.boldItalic, opts),
  ]);
  return { regular, bold, italic, boldItalic };
}
