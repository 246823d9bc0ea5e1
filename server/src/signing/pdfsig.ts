import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

/*
 * Independent verification with poppler's `pdfsig` (Debian poppler-utils). pdfsig exits 0 even
 * when a digest does not match, so its report is parsed instead of trusting the exit code.
 */

export interface PdfsigSignature {
  commonName?: string;
  distinguishedName?: string;
  signingTime?: string;
  hashAlgorithm?: string;
  /** e.g. "adbe.pkcs7.detached". */
  type?: string;
  signedRanges?: string;
  /** "Total document signed": the byte ranges cover the whole file. */
  wholeDocument: boolean;
  /** e.g. "Signature is Valid." or "Digest Mismatch.". */
  signatureValidation: string;
  /** e.g. "Certificate issuer isn't Trusted." for a self-signed development certificate. */
  certificateValidation?: string;
  /** The file is unchanged since it was signed (the certificate's trust is a separate matter). */
  valid: boolean;
}

export interface PdfsigReport {
  signatures: PdfsigSignature[];
  output: string;
}

const FIELDS: Record<string, keyof PdfsigSignature> = {
  'Signer Certificate Common Name': 'commonName',
  'Signer full Distinguished Name': 'distinguishedName',
  'Signing Time': 'signingTime',
  'Signing Hash Algorithm': 'hashAlgorithm',
  'Signature Type': 'type',
  'Signed Ranges': 'signedRanges',
  'Signature Validation': 'signatureValidation',
  'Certificate Validation': 'certificateValidation',
};

/** Parses pdfsig's text report. */
export function parsePdfsig(output: string): PdfsigSignature[] {
  const sigs: PdfsigSignature[] = [];
  let cur: PdfsigSignature | undefined;
  for (const raw of output.split('\n')) {
    if (/^Signature #\d+:/.test(raw)) {
      sigs.push((cur = { wholeDocument: false, signatureValidation: '', valid: false }));
      continue;
    }
    const line = /^\s*-\s*(.*)$/.exec(raw)?.[1]?.trim();
    if (!cur || line === undefined) continue;
    if (line === 'Total document signed') {
      cur.wholeDocument = true;
      continue;
    }
    const m = /^([^:]+):\s*(.*)$/.exec(line);
    const key = m ? FIELDS[m[1] ?? ''] : undefined;
    if (m && key && key !== 'wholeDocument' && key !== 'valid') cur[key] = m[2] ?? '';
  }
  for (const s of sigs) s.valid = s.signatureValidation === 'Signature is Valid.';
  return sigs;
}

function run(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('pdfsig', [file], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 }, (err, stdout, stderr) => {
      // A file without signatures exits non-zero with a message; that is a report, not a failure.
      if (err && (err as NodeJS.ErrnoException).code === 'ENOENT') reject(new Error('pdfsig not found: install the Debian package poppler-utils'));
      else resolve(`${stdout}${stderr}`);
    });
  });
}

/** Runs `pdfsig` on a file path or on bytes (written to a temporary file) and parses the report. */
export async function verifyWithPdfsig(input: string | Uint8Array): Promise<PdfsigReport> {
  if (typeof input === 'string') {
    const output = await run(input);
    return { signatures: parsePdfsig(output), output };
  }
  const dir = await mkdtemp(path.join(tmpdir(), 'ecab-pdfsig-'));
  try {
    const file = path.join(dir, 'signed.pdf');
    await writeFile(file, input);
    const output = await run(file);
    return { signatures: parsePdfsig(output), output };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
