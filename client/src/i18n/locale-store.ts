import { DEFAULT_LOCALE, LOCALES, type Locale } from '@e-cabinet/protocol';

/** Where the chosen language is remembered on this device. */
export const LOCALE_STORAGE_KEY = 'ecab.locale';

function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

// Storage can throw (private mode, blocked cookies) and is absent under Node tests.
function readStored(): Locale | null {
  try {
    const value = globalThis.localStorage?.getItem(LOCALE_STORAGE_KEY);
    return isLocale(value) ? value : null;
  } catch {
    return null;
  }
}

function applyToDocument(locale: Locale): void {
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
}

let current: Locale = readStored() ?? DEFAULT_LOCALE;
const listeners = new Set<() => void>();
applyToDocument(current);

/**
 * The current UI language. A module-level store rather than React state so that non-React code
 * (the API client's Accept-Language header) always sees the same value as the UI.
 */
export function getLocale(): Locale {
  return current;
}

/** True when the user picked a language on this device, as opposed to the default. */
export function hasStoredLocale(): boolean {
  return readStored() !== null;
}

/** Switches the UI language, remembers it on this device and updates `<html lang>`. */
export function setLocale(locale: Locale): void {
  try {
    globalThis.localStorage?.setItem(LOCALE_STORAGE_KEY, locale);
  } catch {
    // Not remembered across reloads, but the switch itself still works.
  }
  if (locale === current) return;
  current = locale;
  applyToDocument(locale);
  for (const listener of listeners) listener();
}

export function subscribeLocale(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
