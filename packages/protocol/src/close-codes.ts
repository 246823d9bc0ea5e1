/**
 * WebSocket close codes for the collab endpoint (`/collab/<docName>`).
 * 4400–4499 are final: the y-websocket client must not retry. 4500–4599 mean "try again".
 * The client maps each code to a message for the user.
 */
export const CloseCode = {
  UNAUTHENTICATED: 4401,
  FORBIDDEN: 4403,
  NOT_FOUND: 4404,
  BAD_DOC_NAME: 4400,
  /** A message the server cannot decode (or a Yjs update it cannot apply): a client bug. */
  BAD_MESSAGE: 4422,
  PROTOCOL_MISMATCH: 4426,
  SESSION_REVOKED: 4409,
  /** A passing server problem (the database did not answer): reconnect with back-off. */
  UNAVAILABLE: 4500,
  SERVER_RESTARTING: 4503,
  OVERLOADED: 4529,
} as const;
export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];

export function isFinalCloseCode(code: number): boolean {
  return code >= 4400 && code <= 4499;
}

/** Reasons the server gives when it disconnects a Socket.io client on purpose. */
export const DisconnectReason = {
  SESSION_REVOKED: 'SESSION_REVOKED',
  PROTOCOL_MISMATCH: 'PROTOCOL_MISMATCH',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
} as const;
export type DisconnectReason = (typeof DisconnectReason)[keyof typeof DisconnectReason];
