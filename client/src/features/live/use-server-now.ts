import { useEffect, useState } from 'react';

/**
 * The server's clock now (local clock + `offset`), ticking every `everyMs` while `running`.
 * Ticks faster than once a second so a countdown never skips a second visibly.
 */
export function useServerNow(offset: number, running: boolean, everyMs = 250): number {
  const [local, setLocal] = useState(() => Date.now());
  useEffect(() => {
    if (!running) return;
    const id = setInterval(() => setLocal(Date.now()), everyMs);
    return () => clearInterval(id);
  }, [running, everyMs]);
  return local + offset;
}
