import { Signer } from '@signpdf/signpdf';
import forge from 'node-forge';

/*
 * The CMS (PKCS#7) detached signature, built with node-forge like @signpdf/signer-p12's
 * P12Signer, with one fix: forge keeps the raw bytes of a parsed UTF8String name but UTF-8
 * encodes them again when it writes the signer's issuer, so a certificate whose issuer has
 * Vietnamese letters (common in Vietnamese CA and organisation names) produced a SignerInfo
 * naming no certificate, and verification failed. The issuer is copied byte for byte from the
 * certificate instead.
 */

export interface KeyAndChain {
  key: forge.pki.rsa.PrivateKey;
  certificate: forge.pki.Certificate;
  /** Every certificate of the PKCS#12 (signer first), embedded so verifiers can build the chain. */
  chain: forge.pki.Certificate[];
}

/** The issuer Name of a parsed certificate, exactly as encoded in it. */
export function rawIssuer(cert: forge.pki.Certificate): forge.asn1.Asn1 {
  const tbs = cert.tbsCertificate.value as forge.asn1.Asn1[];
  // TBSCertificate: [0] version (absent in v1), serialNumber, signature, issuer, ...
  const first = tbs[0];
  const offset = first && first.tagClass === forge.asn1.Class.CONTEXT_SPECIFIC ? 1 : 0;
  const issuer = tbs[offset + 2];
  if (!issuer) throw new Error('certificate without an issuer');
  return issuer;
}

export class CmsSigner extends Signer {
  constructor(private readonly id: KeyAndChain) {
    super();
  }

  override async sign(pdfBuffer: Buffer, signingTime?: Date): Promise<Buffer> {
    const { key, certificate, chain } = this.id;
    const p7 = forge.pkcs7.createSignedData();
    p7.content = forge.util.createBuffer(pdfBuffer.toString('binary'));
    for (const c of chain) p7.addCertificate(c);
    p7.addSigner({
      key,
      certificate,
      digestAlgorithm: forge.pki.oids.sha256 ?? '',
      // The order matters to some EU validators (as in P12Signer).
      authenticatedAttributes: [
        { type: forge.pki.oids.contentType ?? '', value: forge.pki.oids.data },
        { type: forge.pki.oids.signingTime ?? '', value: (signingTime ?? new Date()).toISOString() },
        { type: forge.pki.oids.messageDigest ?? '' },
      ],
    });
    p7.sign({ detached: true });
    const asn1 = p7.toAsn1();
    // ContentInfo → [0] → SignedData; its last element is the SET of SignerInfo.
    const signedData = ((asn1.value as forge.asn1.Asn1[])[1]?.value as forge.asn1.Asn1[] | undefined)?.[0];
    const signerInfos = (signedData?.value as forge.asn1.Asn1[] | undefined)?.at(-1);
    const signerInfo = (signerInfos?.value as forge.asn1.Asn1[] | undefined)?.[0];
    const issuerAndSerial = (signerInfo?.value as forge.asn1.Asn1[] | undefined)?.[1];
    if (!issuerAndSerial || !Array.isArray(issuerAndSerial.value)) throw new Error('unexpected CMS structure from node-forge');
    issuerAndSerial.value[0] = rawIssuer(certificate);
    return Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary');
  }
}
