/**
 * A small, valid PDF with one page per entry of `texts`, each page saying its text in large
 * letters, with a correct xref table: the server checks uploads with `qpdf --check`, which
 * refuses a file it has to repair.
 */
export function textPdf(texts: readonly string[]): Buffer {
  if (texts.length === 0) throw new Error('a PDF needs at least one page');
  // 1: catalog, 2: pages, 3: font, then a page and its content stream per text.
  const pageRef = (i: number) => 4 + 2 * i;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${texts.map((_, i) => `${pageRef(i)} 0 R`).join(' ')}] /Count ${texts.length} >>`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  texts.forEach((text, i) => {
    if (!/^[\x20-\x7e]*$/.test(text) || /[()\\]/.test(text)) throw new Error(`keep page text plain ASCII without ( ) \\: "${text}"`);
    const content = `BT /F1 48 Tf 72 680 Td (${text}) Tj ET`;
    objects.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents ${pageRef(i) + 1} 0 R /Resources << /Font << /F1 3 0 R >> >> >>`,
      `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    );
  });
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) pdf += `${String(offset).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}
