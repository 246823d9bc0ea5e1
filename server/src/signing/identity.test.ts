import { mkdtempSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { DEV_P12_FILE, DEV_PASSPHRASE_FILE, SigningIdentityError, ensureSigningIdentity, generateSelfSignedP12, openP12 } from './index.ts';

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(path.join(tmpdir(), 'ecab-id-'));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function recorder() {
  const lines: { level: 'info' | 'warn'; msg: string }[] = [];
  return { lines, log: { info: (msg: string) => lines.push({ level: 'info', msg }), warn: (msg: string) => lines.push({ level: 'warn', msg }) } };
}

const NO_P12 = { signingP12Path: null, signingP12Passphrase: '' };

describe('ensureSigningIdentity: development certificate', () => {
  it('is generated once, kept private, and reused on the next start', async () => {
    const dataDir = tempDir();
    const first = recorder();
    const a = await ensureSigningIdentity(NO_P12, dataDir, first.log);
    const dir = path.join(dataDir, 'signing');
    expect(a.development).toBe(true);
    expect(a.path).toBe(path.join(dir, DEV_P12_FILE));
    expect(a.certificate.subject).toBe('CN=E-Cabinet Development Signing, O=E-Cabinet Dev, C=VN');
    expect(a.certificate.issuer).toBe(a.certificate.subject); // self-signed
    expect(a.certificate.fingerprintSha256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    const years = (a.certificate.notAfter.getTime() - a.certificate.notBefore.getTime()) / (365.25 * 24 * 3600 * 1000);
    expect(years).toBeGreaterThan(9.9);
    expect(years).toBeLessThan(10.1);

    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(statSync(path.join(dir, DEV_P12_FILE)).mode & 0o777).toBe(0o600);
    expect(statSync(path.join(dir, DEV_PASSPHRASE_FILE)).mode & 0o777).toBe(0o600);
    const passphrase = readFileSync(path.join(dir, DEV_PASSPHRASE_FILE), 'utf8').trim();
    expect(passphrase.length).toBeGreaterThanOrEqual(32);
    expect(a.passphrase).toBe(passphrase);
    expect(first.lines.filter((l) => l.level === 'info' && l.msg.includes('Generated'))).toHaveLength(1);
    expect(first.lines.some((l) => l.level === 'warn' && l.msg.includes('DEVELOPMENT') && l.msg.includes('SIGNING_P12_PATH'))).toBe(true);

    const second = recorder();
    const b = await ensureSigningIdentity(NO_P12, dataDir, second.log);
    expect(b.certificate.fingerprintSha256).toBe(a.certificate.fingerprintSha256);
    expect(Buffer.from(b.p12).equals(Buffer.from(a.p12))).toBe(true);
    expect(second.lines.some((l) => l.msg.includes('Generated'))).toBe(false);
    expect(second.lines.some((l) => l.level === 'warn' && l.msg.includes('DEVELOPMENT'))).toBe(true);
  });

  it('gives concurrent first starts one and the same certificate', async () => {
    const dataDir = tempDir();
    const ids = await Promise.all([1, 2, 3].map(() => ensureSigningIdentity(NO_P12, dataDir, recorder().log)));
    expect(new Set(ids.map((i) => i.certificate.fingerprintSha256)).size).toBe(1);
    const again = await ensureSigningIdentity(NO_P12, dataDir, recorder().log);
    expect(again.certificate.fingerprintSha256).toBe(ids[0]?.certificate.fingerprintSha256);
  });

  it('says what is wrong when the passphrase file is gone', async () => {
    const dataDir = tempDir();
    await ensureSigningIdentity(NO_P12, dataDir, recorder().log);
    unlinkSync(path.join(dataDir, 'signing', DEV_PASSPHRASE_FILE));
    await expect(ensureSigningIdentity(NO_P12, dataDir, recorder().log)).rejects.toThrow(/passphrase file dev-signing\.passphrase is missing/);
  });
});

describe('ensureSigningIdentity: configured PKCS#12', () => {
  it('uses the configured file instead of generating one', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'ubnd.p12');
    writeFileSync(file, generateSelfSignedP12('Bí mật 2026', { commonName: 'Van phong UBND tinh', organization: 'UBND tinh Binh Duong' }));
    const dataDir = tempDir();
    const rec = recorder();
    const id = await ensureSigningIdentity({ signingP12Path: file, signingP12Passphrase: 'Bí mật 2026' }, dataDir, rec.log);
    expect(id).toMatchObject({ development: false, path: file });
    expect(id.certificate.subject).toBe('CN=Van phong UBND tinh, O=UBND tinh Binh Duong, C=VN');
    expect(id.certificate.fingerprintSha256).toBe(openP12(readFileSync(file), 'Bí mật 2026', file).certificate.fingerprintSha256);
    expect(() => statSync(path.join(dataDir, 'signing'))).toThrow(); // no development certificate made
    expect(rec.lines.some((l) => l.level === 'warn')).toBe(false);
    expect(rec.lines.some((l) => l.level === 'info' && l.msg.includes(id.certificate.fingerprintSha256))).toBe(true);
  });

  it('rejects a wrong passphrase with a clear error', async () => {
    const file = path.join(tempDir(), 'org.p12');
    writeFileSync(file, generateSelfSignedP12('right one'));
    const attempt = ensureSigningIdentity({ signingP12Path: file, signingP12Passphrase: 'wrong one' }, tempDir(), recorder().log);
    await expect(attempt).rejects.toBeInstanceOf(SigningIdentityError);
    await expect(attempt).rejects.toThrow(`Signing certificate ${file}: wrong passphrase (SIGNING_P12_PASSPHRASE) for this PKCS#12 file`);
  });

  it('rejects a missing file and a file that is not PKCS#12', async () => {
    const dir = tempDir();
    const missing = path.join(dir, 'nope.p12');
    await expect(ensureSigningIdentity({ signingP12Path: missing, signingP12Passphrase: 'x' }, dir, recorder().log)).rejects.toThrow(`SIGNING_P12_PATH: no file at ${missing}`);
    const junk = path.join(dir, 'junk.p12');
    writeFileSync(junk, 'this is not a certificate');
    await expect(ensureSigningIdentity({ signingP12Path: junk, signingP12Passphrase: 'x' }, dir, recorder().log)).rejects.toThrow(/not a readable PKCS#12/);
  });

  it('warns about an expired certificate', async () => {
    const file = path.join(tempDir(), 'old.p12');
    writeFileSync(file, generateSelfSignedP12('pw', { now: new Date('2010-01-01T00:00:00Z'), years: 2 }));
    const rec = recorder();
    await ensureSigningIdentity({ signingP12Path: file, signingP12Passphrase: 'pw' }, tempDir(), rec.log);
    expect(rec.lines.some((l) => l.level === 'warn' && l.msg.includes('EXPIRED'))).toBe(true);
  });
});

describe('signing and organisation configuration', () => {
  it('reads the PKCS#12 location and passphrase, the latter exactly as given', () => {
    const c = loadConfig({ SIGNING_P12_PATH: 'secrets/org.p12', SIGNING_P12_PASSPHRASE: ' with spaces ' });
    expect(c.signingP12Path).toMatch(/\/secrets\/org\.p12$/);
    expect(path.isAbsolute(c.signingP12Path ?? '')).toBe(true);
    expect(c.signingP12Passphrase).toBe(' with spaces ');
    expect(loadConfig({ SIGNING_P12_PATH: '/etc/ecabinet/org.p12' }).signingP12Path).toBe('/etc/ecabinet/org.p12');
    expect(loadConfig({})).toMatchObject({ signingP12Path: null, signingP12Passphrase: '' });
  });

  it('has organisation defaults and takes Vietnamese names', () => {
    expect(loadConfig({})).toMatchObject({ orgName: 'Ủy ban nhân dân tỉnh An Khánh', orgParentName: null, orgPlace: 'An Khánh', orgAbbreviation: 'UBND' });
    const c = loadConfig({ ORG_NAME: 'Sở Kế hoạch và Đầu tư'.normalize('NFD'), ORG_PARENT_NAME: 'Ủy ban nhân dân tỉnh Bình Dương', ORG_PLACE: 'Bình Dương', ORG_ABBREVIATION: 'SKHĐT' });
    expect(c).toMatchObject({ orgName: 'Sở Kế hoạch và Đầu tư', orgParentName: 'Ủy ban nhân dân tỉnh Bình Dương', orgPlace: 'Bình Dương', orgAbbreviation: 'SKHĐT' });
  });

  it('reports bad signing and organisation values', () => {
    let problems: string[] = [];
    try {
      loadConfig({ SIGNING_P12_PASSPHRASE: 'secret', ORG_ABBREVIATION: 'ubnd tỉnh', ORG_NAME: 'x'.repeat(201) });
    } catch (err) {
      problems = (err as { problems: string[] }).problems;
    }
    expect(problems).toHaveLength(3);
    expect(problems).toEqual(
      expect.arrayContaining([
        'SIGNING_P12_PASSPHRASE: set, but SIGNING_P12_PATH (the PKCS#12 file it opens) is not',
        expect.stringMatching(/^ORG_ABBREVIATION: .*got "ubnd tỉnh"$/),
        expect.stringMatching(/^ORG_NAME: expected at most 200 characters/),
      ]),
    );
  });
});
