/**
 * Per-meeting switches kept in `sessionStorage`: they survive moving from one document to the
 * next (and a reload) in this tab, and end with it.
 */
export type PresenterFlag = 'follow' | 'present';

function store(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

const key = (flag: PresenterFlag, meetingId: string) => `ecab:${flag}:${meetingId}`;

export function readFlag(flag: PresenterFlag, meetingId: string, storage: Pick<Storage, 'getItem'> | null = store()): boolean {
  try {
    return storage?.getItem(key(flag, meetingId)) === '1';
  } catch {
    return false;
  }
}

export function writeFlag(flag: PresenterFlag, meetingId: string, on: boolean, storage: Pick<Storage, 'setItem' | 'removeItem'> | null = store()): void {
  try {
    if (on) storage?.setItem(key(flag, meetingId), '1');
    else storage?.removeItem(key(flag, meetingId));
  } catch {
    // Storage off (private mode): the switch still works on this page.
  }
}
