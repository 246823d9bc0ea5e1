import { createHash } from 'node:crypto';
import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import { SignPdf } from '@signpdf/signpdf';
import { PDFArray, PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { CmsSigner, type KeyAndChain } from './cms.ts';
import { readP12, type SigningIdentity } from './identity.ts';

export interface SignOptions {
  /** Why, e.g. "Ký biên bản cuộc họp số 12/BB-UBND". Stored in ASCII (see `toAscii`). */
  reason: string;
  /** The signer's name, e.g. "Nguyễn Văn Dũng". Stored in ASCII. */
  name: string;
  /** e.g. "Bình Dương". Stored in ASCII. */
  location: string;
  contactInfo?: string;
  /** Signing time written into the signature; now by default. */
  signedAt?: Date;
}

export interface SignedPdf {
  signed: Uint8Array;
  signedAt: Date;
  /** SHA-256 (hex) of the signed file, for the record and for later integrity checks. */
  sha256: string;
  signer: { subject: string; serial: string; fingerprintSha256: string };
}

export class SigningError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SigningError';
  }
}

/** The sub-filter used: CMS detached signature over the byte ranges, SHA-256 (PAdES-compatible). */
export const SIGNATURE_SUBFILTER = 'adbe.pkcs7.detached';

/**
 * Vietnamese to printable ASCII for the signature dictionary: diacritics stripped, đ → d,
 * parentheses and backslashes replaced (pdf-lib writes these strings unescaped, and non-ASCII
 * there is mangled and breaks verification). "Nguyễn Văn Dũng (Chủ tịch)" → "Nguyen Van Dung [Chu tich]".
 */
export function toAscii(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/\(/g, '[')
    .replace(/\)/g, ']')
    .replace(/\\/g, '/')
    .replace(/[^\x20-\x7e]+/g, ' ')
    .replace(/ +/g, ' ')
    .trim();
}

// Opening a PKCS#12 derives its keys in pure JS (~0.1 s): once per identity.
const opened = new WeakMap<SigningIdentity, KeyAndChain>();
function keyAndChain(identity: SigningIdentity): KeyAndChain {
  let k = opened.get(identity);
  if (!k) opened.set(identity, (k = readP12(identity.p12, identity.passphrase, identity.path)));
  return k;
}

/** Whether the document already carries a signature field with a value. */
function isSigned(doc: PDFDocument): boolean {
  const form = doc.catalog.lookupMaybe(PDFName.of('AcroForm'), PDFDict);
  const fields = form?.lookupMaybe(PDFName.of('Fields'), PDFArray);
  if (!fields) return false;
  return fields.asArray().some((ref) => {
    const field = doc.context.lookup(ref);
    return field instanceof PDFDict && field.get(PDFName.of('FT')) === PDFName.of('Sig') && field.has(PDFName.of('V'));
  });
}

/**
 * Signs a PDF with an invisible signature (adbe.pkcs7.detached, SHA-256, the certificates of
 * the PKCS#12 embedded). The document is rewritten by pdf-lib to add the signature field, so
 * sign a freshly generated document and store the returned bytes as they are: saving them
 * through pdf-lib again, or signing them a second time this way, breaks the signature (a second
 * signature would need an incremental update, which these libraries do not write); an already
 * signed document is refused.
 */
export async function signPdf(pdfBytes: Uint8Array, identity: SigningIdentity, opts: SignOptions): Promise<SignedPdf> {
  const signedAt = opts.signedAt ?? new Date();
  const doc = await PDFDocument.load(pdfBytes, { updateMetadata: false });
  if (isSigned(doc)) throw new SigningError('The PDF is already signed; signing it again this way would invalidate the existing signature');
  pdflibAddPlaceholder({
    pdfDoc: doc,
    reason: toAscii(opts.reason),
    name: toAscii(opts.name),
    location: toAscii(opts.location),
    contactInfo: toAscii(opts.contactInfo ?? ''),
    signingTime: signedAt,
    // Room for the CMS: the certificates plus signed attributes and an RSA signature of up to 4096 bits.
    signatureLength: Math.max(8192, identity.chainBytes + 4096),
    subFilter: SIGNATURE_SUBFILTER,
    appName: 'E-Cabinet',
  });
  const prepared = await doc.save({ useObjectStreams: false });
  const signed = new Uint8Array(await new SignPdf().sign(Buffer.from(prepared), new CmsSigner(keyAndChain(identity)), signedAt));
  const { subject, serial, fingerprintSha256 } = identity.certificate;
  return { signed, signedAt, sha256: createHash('sha256').update(signed).digest('hex'), signer: { subject, serial, fingerprintSha256 } };
}
