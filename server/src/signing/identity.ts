import { X509Certificate, generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import forge from 'node-forge';
import type { Config } from '../config.ts';
import { rawIssuer, type KeyAndChain } from './cms.ts';

/** The certificate that signs, as shown to people and recorded with each signature. */
export interface CertificateInfo {
  /** e.g. "CN=E-Cabinet Development Signing, O=E-Cabinet Dev, C=VN". */
  subject: string;
  issuer: string;
  /** Hexadecimal, as certificate viewers show it. */
  serial: string;
  /** SHA-256 of the certificate's DER, "AB:CD:…" as `openssl x509 -fingerprint -sha256` prints it. */
  fingerprintSha256: string;
  notBefore: Date;
  notAfter: Date;
}

/** A PKCS#12 that opened with its passphrase and holds a private key with its certificate. */
export interface SigningIdentity {
  p12: Uint8Array;
  passphrase: string;
  /** Where it was read from. */
  path: string;
  /** True for the self-signed certificate generated under DATA_DIR/signing. */
  development: boolean;
  certificate: CertificateInfo;
  /** Total DER size of the certificates in the file, which the signature embeds. */
  chainBytes: number;
}

/** What the server logs at start-up about signing. Pino and Fastify loggers fit. */
export interface SigningLog {
  info(msg: string): void;
  warn(msg: string): void;
}

export class SigningIdentityError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SigningIdentityError';
  }
}

export const DEV_P12_FILE = 'dev-signing.p12';
export const DEV_PASSPHRASE_FILE = 'dev-signing.passphrase';

const toBinary = (bytes: Uint8Array): string => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('binary');

function certInfo(cert: forge.pki.Certificate): { info: CertificateInfo; der: Buffer } {
  const der = Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes(), 'binary');
  const x = new X509Certificate(der);
  const dn = (s: string) => s.split('\n').filter(Boolean).join(', ');
  return {
    der,
    info: {
      subject: dn(x.subject),
      issuer: dn(x.issuer),
      serial: x.serialNumber.toUpperCase(),
      fingerprintSha256: x.fingerprint256,
      notBefore: new Date(x.validFrom),
      notAfter: new Date(x.validTo),
    },
  };
}

/**
 * The private key and certificates of a PKCS#12, opened with node-forge as signing will (the key
 * in a pkcs8ShroudedKeyBag, its certificate matched by public key). Errors name `where`.
 */
export function readP12(p12: Uint8Array, passphrase: string, where: string): KeyAndChain {
  let parsed: forge.pkcs12.Pkcs12Pfx;
  try {
    parsed = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(toBinary(p12)), false, passphrase);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    if (/MAC could not be verified|invalid password|decrypt/i.test(reason)) {
      throw new SigningIdentityError(`Signing certificate ${where}: wrong passphrase (SIGNING_P12_PASSPHRASE) for this PKCS#12 file`);
    }
    throw new SigningIdentityError(`Signing certificate ${where}: not a readable PKCS#12 (.p12/.pfx) file (${reason})`);
  }
  const shrouded = forge.pki.oids.pkcs8ShroudedKeyBag ?? '';
  const key = parsed.getBags({ bagType: shrouded })[shrouded]?.[0]?.key;
  if (!key) throw new SigningIdentityError(`Signing certificate ${where}: the PKCS#12 holds no encrypted RSA private key`);
  const certOid = forge.pki.oids.certBag ?? '';
  const certs = (parsed.getBags({ bagType: certOid })[certOid] ?? []).map((b) => b.cert).filter((c): c is forge.pki.Certificate => c !== undefined);
  const certificate = certs.find((c) => {
    const pub = c.publicKey as Partial<forge.pki.rsa.PublicKey>;
    return pub.n?.compareTo(key.n) === 0 && pub.e?.compareTo(key.e) === 0;
  });
  if (!certificate) throw new SigningIdentityError(`Signing certificate ${where}: no certificate in the PKCS#12 matches its private key`);
  rawIssuer(certificate); // throws now rather than at the first signature on a malformed certificate
  return { key, certificate, chain: [certificate, ...certs.filter((c) => c !== certificate)] };
}

/** Opens and checks a PKCS#12 (see `readP12`), so a file that would fail to sign fails at start-up. */
export function openP12(p12: Uint8Array, passphrase: string, where: string): Omit<SigningIdentity, 'path' | 'development'> {
  const { certificate, chain } = readP12(p12, passphrase, where);
  return {
    p12,
    passphrase,
    certificate: certInfo(certificate).info,
    chainBytes: chain.reduce((n, c) => n + certInfo(c).der.length, 0),
  };
}

export interface SelfSignedOptions {
  /** Default "E-Cabinet Development Signing". */
  commonName?: string;
  /** Default "E-Cabinet Dev". */
  organization?: string;
  now?: Date;
  /** Validity in years; default 10. */
  years?: number;
}

/**
 * A self-signed RSA-2048 signing certificate and its key as a PKCS#12 protected by `passphrase`
 * (AES-256; OpenSSL reads it too). The key comes from Node's crypto (native, ~0.1 s) rather
 * than node-forge's pure-JS generator (seconds). Key usage digitalSignature + nonRepudiation,
 * extended key usage emailProtection + documentSigning.
 */
export function generateSelfSignedP12(passphrase: string, opts: SelfSignedOptions = {}): Uint8Array {
  const now = opts.now ?? new Date();
  // A UTF8String, so Vietnamese names are encoded correctly (@types/node-forge mistypes the field as a class).
  const utf8 = forge.asn1.Type.UTF8 as number as forge.asn1.Class;
  const subject = [
    { shortName: 'CN', value: opts.commonName ?? 'E-Cabinet Development Signing', valueTagClass: utf8 },
    { shortName: 'O', value: opts.organization ?? 'E-Cabinet Dev', valueTagClass: utf8 },
    { shortName: 'C', value: 'VN' },
  ];
  const pair = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  const key = forge.pki.privateKeyFromPem(pair.privateKey);
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(pair.publicKey);
  // A positive serial (leading bit clear) of 16 random bytes.
  cert.serialNumber = `0${randomBytes(16).toString('hex').slice(1)}`;
  cert.validity.notBefore = new Date(now.getTime() - 60_000);
  cert.validity.notAfter = new Date(now.getTime());
  cert.validity.notAfter.setUTCFullYear(now.getUTCFullYear() + (opts.years ?? 10));
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false, critical: true },
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true, critical: true },
    // emailProtection, and id-kp-documentSigning (RFC 9336) for readers that look for it.
    { name: 'extKeyUsage', emailProtection: true, '1.3.6.1.5.5.7.3.36': true },
    { name: 'subjectKeyIdentifier' },
  ]);
  cert.sign(key, forge.md.sha256.create());
  const asn1 = forge.pkcs12.toPkcs12Asn1(key, [cert], passphrase, {
    algorithm: 'aes256',
    friendlyName: opts.commonName ?? 'E-Cabinet Development Signing',
    generateLocalKeyId: true,
  });
  return new Uint8Array(Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary'));
}

const isErrno = (err: unknown, ...codes: string[]): boolean =>
  err instanceof Error && 'code' in err && codes.includes(String((err as NodeJS.ErrnoException).code));

async function readDevIdentity(dir: string): Promise<SigningIdentity | null> {
  const p12Path = path.join(dir, DEV_P12_FILE);
  let p12: Uint8Array;
  try {
    p12 = new Uint8Array(await readFile(p12Path));
  } catch (err) {
    if (isErrno(err, 'ENOENT')) return null;
    throw err;
  }
  let passphrase: string;
  try {
    passphrase = (await readFile(path.join(dir, DEV_PASSPHRASE_FILE), 'utf8')).replace(/\r?\n$/, '');
  } catch (err) {
    if (!isErrno(err, 'ENOENT')) throw err;
    throw new SigningIdentityError(`Development signing certificate ${p12Path}: its passphrase file ${DEV_PASSPHRASE_FILE} is missing; delete ${dir} to generate a new certificate`);
  }
  return { ...openP12(p12, passphrase, p12Path), path: p12Path, development: true };
}

/**
 * Generates the development identity into a private temporary folder and renames that folder to
 * `dir` in one step, so a concurrent start (another process, another test file) either wins or
 * reads the complete pair the winner published.
 */
async function createDevIdentity(dataDir: string, dir: string): Promise<SigningIdentity> {
  await mkdir(dataDir, { recursive: true });
  const tmp = await mkdtemp(path.join(dataDir, '.signing-')); // mode 0700
  try {
    const passphrase = randomBytes(24).toString('base64url');
    await writeFile(path.join(tmp, DEV_PASSPHRASE_FILE), `${passphrase}\n`, { mode: 0o600 });
    await writeFile(path.join(tmp, DEV_P12_FILE), generateSelfSignedP12(passphrase), { mode: 0o600 });
    try {
      await rename(tmp, dir); // replaces a missing or empty `dir`, fails on a non-empty one
    } catch (err) {
      if (!isErrno(err, 'ENOTEMPTY', 'EEXIST')) throw err;
    }
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
  const identity = await readDevIdentity(dir);
  if (!identity) {
    throw new SigningIdentityError(`${dir} exists but holds no ${DEV_P12_FILE}; move its contents away or set SIGNING_P12_PATH`);
  }
  return identity;
}

function describeIdentity(id: SigningIdentity): string {
  const c = id.certificate;
  return `${c.subject}, serial ${c.serial}, SHA-256 ${c.fingerprintSha256}, valid until ${c.notAfter.toISOString().slice(0, 10)}`;
}

/**
 * The identity that signs minutes and notices, checked at start-up.
 *
 * With `SIGNING_P12_PATH` set, that PKCS#12 is opened with `SIGNING_P12_PASSPHRASE`; a missing
 * file, a wrong passphrase or a file without a matching key and certificate throws a
 * `SigningIdentityError` saying which. Without it, a self-signed development certificate is
 * generated on first start into `DATA_DIR/signing/dev-signing.p12` with a random passphrase in
 * `dev-signing.passphrase` beside it (folder 0700, files 0600), reused on later starts, and a
 * warning is logged every time: nobody trusts that certificate.
 */
export async function ensureSigningIdentity(
  config: Pick<Config, 'signingP12Path' | 'signingP12Passphrase'>,
  dataDir: string,
  log: SigningLog,
): Promise<SigningIdentity> {
  if (config.signingP12Path) {
    const file = config.signingP12Path;
    let p12: Uint8Array;
    try {
      p12 = new Uint8Array(await readFile(file));
    } catch (err) {
      if (isErrno(err, 'ENOENT', 'ENOTDIR')) throw new SigningIdentityError(`SIGNING_P12_PATH: no file at ${file}`);
      if (isErrno(err, 'EACCES', 'EPERM')) throw new SigningIdentityError(`SIGNING_P12_PATH: ${file} cannot be read by this process (permissions)`);
      if (isErrno(err, 'EISDIR')) throw new SigningIdentityError(`SIGNING_P12_PATH: ${file} is a folder, not a PKCS#12 file`);
      throw err;
    }
    const identity: SigningIdentity = { ...openP12(p12, config.signingP12Passphrase, file), path: file, development: false };
    const now = Date.now();
    if (identity.certificate.notAfter.getTime() < now) log.warn(`Signing certificate ${file} EXPIRED on ${identity.certificate.notAfter.toISOString()}: signatures will not validate as trusted`);
    else if (identity.certificate.notBefore.getTime() > now) log.warn(`Signing certificate ${file} is not valid before ${identity.certificate.notBefore.toISOString()}`);
    log.info(`Signing with ${file}: ${describeIdentity(identity)}`);
    return identity;
  }
  const dir = path.join(dataDir, 'signing');
  let identity = await readDevIdentity(dir);
  if (!identity) {
    identity = await createDevIdentity(dataDir, dir);
    log.info(`Generated a development signing certificate in ${identity.path}`);
  }
  log.warn(
    `Signing with a DEVELOPMENT certificate (self-signed, trusted by nobody): ${identity.path} (${describeIdentity(identity)}). ` +
      'Set SIGNING_P12_PATH and SIGNING_P12_PASSPHRASE to the organisation’s PKCS#12 for real signatures.',
  );
  return identity;
}
