import { CloseCode } from '@e-cabinet/protocol';
import type { MessageKey } from '../../i18n';

type CloseMessageKey = Extract<MessageKey, `collab.close.${string}`>;

const KEYS: Readonly<Record<CloseCode, CloseMessageKey>> = {
  [CloseCode.UNAUTHENTICATED]: 'collab.close.unauthenticated',
  [CloseCode.FORBIDDEN]: 'collab.close.forbidden',
  [CloseCode.NOT_FOUND]: 'collab.close.notFound',
  [CloseCode.BAD_DOC_NAME]: 'collab.close.badDocName',
  [CloseCode.BAD_MESSAGE]: 'collab.close.badMessage',
  [CloseCode.PROTOCOL_MISMATCH]: 'collab.close.protocolMismatch',
  [CloseCode.SESSION_REVOKED]: 'collab.close.sessionRevoked',
  [CloseCode.UNAVAILABLE]: 'collab.close.unavailable',
  [CloseCode.SERVER_RESTARTING]: 'collab.close.serverRestarting',
  [CloseCode.OVERLOADED]: 'collab.close.overloaded',
};

function isCloseCode(code: number): code is CloseCode {
  return Object.hasOwn(KEYS, code);
}

/** The message for a close code of the collab endpoint; a generic one for codes it does not know. */
export function closeMessageKey(code: number): CloseMessageKey {
  if (isCloseCode(code)) return KEYS[code];
  return code >= 4400 && code <= 4499 ? 'collab.close.otherFinal' : 'collab.close.other';
}
