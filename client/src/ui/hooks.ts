import { useCallback, useEffect, useRef, useState, type Dispatch, type SetStateAction } from 'react';
import { ApiRequestError } from '../api/client';
import { errorText } from '../api/errors';
import { useLocale, useT } from '../i18n';

interface Settled<T> {
  load: (signal: AbortSignal) => Promise<T>;
  attempt: number;
  value?: T;
  error?: unknown;
}

export interface Resource<T> {
  /** The latest successful value, kept while a reload is in flight. */
  data: T | undefined;
  loading: boolean;
  /** The error of the current attempt, as a message for the user. */
  error: string | null;
  /** The machine code of that error (e.g. `NOT_FOUND`), when the server sent one. */
  errorCode: string | null;
  reload: () => void;
  /** Replaces the data with a value the caller already has (the answer to a mutation, a live event). */
  set: Dispatch<SetStateAction<T | undefined>>;
}

/**
 * Loads data for a page. `load` must be stable (module-level or `useCallback`); a new `load`
 * (e.g. new filters) starts a new request and aborts the old one.
 */
export function useResource<T>(load: (signal: AbortSignal) => Promise<T>): Resource<T> {
  const locale = useLocale();
  const [attempt, setAttempt] = useState(0);
  const [settled, setSettled] = useState<Settled<T> | null>(null);
  const [data, setData] = useState<T | undefined>(undefined);

  useEffect(() => {
    const controller = new AbortController();
    load(controller.signal).then(
      (value) => {
        if (controller.signal.aborted) return;
        setData(value);
        setSettled({ load, attempt, value });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setSettled({ load, attempt, error });
      },
    );
    return () => controller.abort();
  }, [load, attempt]);

  const current = settled !== null && settled.load === load && settled.attempt === attempt;
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const failed = current && settled.error !== undefined;
  return {
    data,
    loading: !current,
    error: failed ? errorText(settled.error, locale) : null,
    errorCode: failed && settled.error instanceof ApiRequestError ? settled.error.code : null,
    reload,
    set: setData,
  };
}

/** Runs a submit action, tracking busy state and the last error (cleared on the next try). */
export function useSubmit<A extends unknown[]>(action: (...args: A) => Promise<void>) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = async (...args: A) => {
    setBusy(true);
    setError(null);
    try {
      await action(...args);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return { run, busy, error, setError };
}

/** `value`, but only after it has stopped changing for `delayMs`. */
export function useDebounced<T>(value: T, delayMs: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const id = setTimeout(() => setDebounced(value), delayMs);
    return () => clearTimeout(id);
  }, [value, delayMs]);
  return debounced;
}

/** Sets the browser tab title to "<page> · E-Cabinet". */
export function useDocumentTitle(page: string): void {
  const t = useT();
  const app = t('app.name');
  useEffect(() => {
    document.title = page ? `${page} · ${app}` : app;
  }, [page, app]);
}

/**
 * Calls `reload` whenever `version` changes after the first render: for data that depends on
 * something changing elsewhere (a live event counter), without fetching twice on mount.
 */
export function useReloadOn(version: number, reload: () => void): void {
  const initial = useRef(version);
  useEffect(() => {
    if (version !== initial.current) reload();
  }, [version, reload]);
}
