/**
 * Bumped whenever a change to the wire contract would break an older client.
 * The Socket.io handshake and the collab upgrade both carry it; a mismatch is refused
 * with {@link ErrorCode.PROTOCOL_MISMATCH} so the client can tell the user to reload.
 */
export const PROTOCOL_VERSION = 1;
