export {
  DEV_P12_FILE,
  DEV_PASSPHRASE_FILE,
  SigningIdentityError,
  ensureSigningIdentity,
  generateSelfSignedP12,
  openP12,
  readP12,
  type CertificateInfo,
  type SigningIdentity,
  type SelfSignedOptions,
  type SigningLog,
} from './identity.ts';
export { SIGNATURE_SUBFILTER, SigningError, signPdf, toAscii, type SignOptions, type SignedPdf } from './sign.ts';
export { parsePdfsig, verifyWithPdfsig, type PdfsigReport, type PdfsigSignature } from './pdfsig.ts';
export { CmsSigner, type KeyAndChain } from './cms.ts';
