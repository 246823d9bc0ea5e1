import { execFileSync } from 'node:child_process';
import { createHash, X509Certificate } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderMinutesPdf } from '../minutes/pdf/index.ts';
import { flatText, pdfPages } from '../minutes/pdf/poppler.ts';
import { sampleMinutes } from '../minutes/pdf/sample-data.ts';
import { SigningError, ensureSigningIdentity, generateSelfSignedP12, signPdf, toAscii, verifyWithPdfsig, type SigningIdentity } from './index.ts';

const quiet = { info: () => {}, warn: () => {} };
const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(path.join(tmpdir(), 'ecab-sign-'));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const latin1 = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');
const OPTS = { reason: 'Ký biên bản số 12/BB-SKHĐT (bản chính)', name: 'Nguyễn Văn Dũng', location: 'Bình Dương' };

let minutes: Uint8Array;
let dev: SigningIdentity;
beforeAll(async () => {
  minutes = await renderMinutesPdf(sampleMinutes());
  dev = await ensureSigningIdentity({ signingP12Path: null, signingP12Passphrase: '' }, tempDir(), quiet);
});

describe('signPdf', () => {
  it('signs rendered minutes so that pdfsig reports the signature valid', async () => {
    const signedAt = new Date('2026-11-23T09:15:00Z');
    const out = await signPdf(minutes, dev, { ...OPTS, signedAt });
    expect(out.signedAt).toEqual(signedAt);
    expect(out.sha256).toBe(createHash('sha256').update(out.signed).digest('hex'));
    expect(out.signer).toEqual({ subject: dev.certificate.subject, serial: dev.certificate.serial, fingerprintSha256: dev.certificate.fingerprintSha256 });

    const report = await verifyWithPdfsig(out.signed);
    expect(report.signatures, report.output).toHaveLength(1);
    expect(report.signatures[0]).toMatchObject({
      valid: true,
      signatureValidation: 'Signature is Valid.',
      wholeDocument: true,
      type: 'adbe.pkcs7.detached',
      hashAlgorithm: 'SHA-256',
      commonName: 'E-Cabinet Development Signing',
    });
    // Self-signed: the integrity holds, the issuer is simply not trusted by anyone.
    expect(report.signatures[0]?.certificateValidation).toMatch(/issuer is unknown|isn't Trusted/);

    // The dictionary strings are ASCII; the document text is still exact Vietnamese.
    const raw = latin1(out.signed);
    expect(raw).toContain('/Reason (Ky bien ban so 12/BB-SKHDT [ban chinh])');
    expect(raw).toContain('/Name (Nguyen Van Dung)');
    expect(raw).toContain('/Location (Binh Duong)');
    expect(flatText(pdfPages(out.signed, { layout: false }))).toContain('Cuộc họp giao ban công tác tháng 11 năm 2026');
  });

  it('is reported invalid (Digest Mismatch) after one signed byte changes', async () => {
    const { signed } = await signPdf(minutes, dev, OPTS);
    const raw = latin1(signed);
    const contents = /\/Contents\s*<[0-9a-fA-F]+>/.exec(raw);
    // A digit of the document title (a hex string in the Info dictionary), far from /Contents.
    const title = raw.indexOf('/Title <FEFF');
    expect(contents).not.toBeNull();
    expect(title).toBeGreaterThan(0);
    const at = title + '/Title <FEFF'.length;
    expect(at < (contents?.index ?? 0) || at > (contents?.index ?? 0) + (contents?.[0].length ?? 0)).toBe(true);
    const tampered = new Uint8Array(signed);
    tampered[at] = tampered[at] === 0x30 ? 0x31 : 0x30;

    const report = await verifyWithPdfsig(tampered);
    expect(report.signatures, report.output).toHaveLength(1);
    expect(report.signatures[0]).toMatchObject({ valid: false, signatureValidation: 'Digest Mismatch.' });
    // Unchanged bytes still verify, so the failure above is the flipped byte.
    expect((await verifyWithPdfsig(signed)).signatures[0]?.valid).toBe(true);
  });

  it('notices bytes appended after signing', async () => {
    const { signed } = await signPdf(minutes, dev, OPTS);
    const appended = Buffer.concat([signed, Buffer.from('\n% appended later\n')]);
    const [sig] = (await verifyWithPdfsig(appended)).signatures;
    expect(sig?.wholeDocument).toBe(false);
  });

  it('refuses to sign a document that already carries a signature', async () => {
    const { signed } = await signPdf(minutes, dev, OPTS);
    await expect(signPdf(signed, dev, OPTS)).rejects.toBeInstanceOf(SigningError);
  });

  it('signs with a Vietnamese-named organisation certificate', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'so-khdt.p12');
    writeFileSync(file, generateSelfSignedP12('mật khẩu 2026', { commonName: 'Nguyễn Văn Dũng', organization: 'Sở Kế hoạch và Đầu tư' }));
    const org = await ensureSigningIdentity({ signingP12Path: file, signingP12Passphrase: 'mật khẩu 2026' }, tempDir(), quiet);
    const out = await signPdf(minutes, org, OPTS);
    const [sig] = (await verifyWithPdfsig(out.signed)).signatures;
    expect(sig).toMatchObject({ valid: true, commonName: 'Nguyễn Văn Dũng' });
    expect(sig?.distinguishedName).toContain('O=Sở Kế hoạch và Đầu tư');
    expect(out.signer.subject).toBe('CN=Nguyễn Văn Dũng, O=Sở Kế hoạch và Đầu tư, C=VN');
  });

  it('signs with a PKCS#12 exported by OpenSSL 3 (AES-256, SHA-256 MAC)', async () => {
    const dir = tempDir();
    const key = path.join(dir, 'key.pem');
    const crt = path.join(dir, 'cert.pem');
    const p12 = path.join(dir, 'org.p12');
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', crt, '-days', '30', '-subj', '/CN=Van phong UBND tinh/O=UBND tinh Binh Duong/C=VN'], { stdio: 'ignore' });
    execFileSync('openssl', ['pkcs12', '-export', '-inkey', key, '-in', crt, '-out', p12, '-passout', 'pass:Org#Secret'], { stdio: 'ignore' });
    const org = await ensureSigningIdentity({ signingP12Path: p12, signingP12Passphrase: 'Org#Secret' }, tempDir(), quiet);
    expect(org.development).toBe(false);
    expect(org.certificate.fingerprintSha256).toBe(new X509Certificate(execFileSync('openssl', ['x509', '-in', crt, '-outform', 'DER'])).fingerprint256);
    const [sig] = (await verifyWithPdfsig((await signPdf(minutes, org, OPTS)).signed)).signatures;
    expect(sig).toMatchObject({ valid: true, commonName: 'Van phong UBND tinh' });
  });
});

describe('toAscii', () => {
  it('strips Vietnamese diacritics and characters a PDF literal string cannot hold as is', () => {
    expect(toAscii('Nguyễn Văn Dũng')).toBe('Nguyen Van Dung');
    expect(toAscii('ĐÀ NẴNG, đường Điện Biên Phủ')).toBe('DA NANG, duong Dien Bien Phu');
    expect(toAscii('Trần Thị Hường (Thư ký) \\ “trích”')).toBe('Tran Thi Huong [Thu ky] / trich');
    expect(toAscii('Ủy ban nhân dân tỉnh'.normalize('NFD'))).toBe('Uy ban nhan dan tinh');
  });
});
