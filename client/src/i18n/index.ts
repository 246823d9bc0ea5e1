import { useMemo, useSyncExternalStore } from 'react';
import type { Locale } from '@e-cabinet/protocol';
import { vi, type MessageKey, type Messages, type SourceMessages } from './vi';
import { en } from './en';
import { getLocale, subscribeLocale } from './locale-store';

export type { MessageKey, Messages } from './vi';
export { getLocale, setLocale, hasStoredLocale, LOCALE_STORAGE_KEY } from './locale-store';

export const dictionaries: Readonly<Record<Locale, Messages>> = { vi, en };

/** The placeholder names in a template: `'Xin chào, {name}'` → `'name'`. */
export type Placeholders<S extends string> = S extends `${string}{${infer P}}${infer Rest}`
  ? P | Placeholders<Rest>
  : never;

export type ParamValue = string | number;
type ParamsOf<K extends MessageKey> = Placeholders<SourceMessages[K]>;
/** `t(key)` for plain messages; `t(key, { name })` exactly when the message has placeholders. */
export type TFunction = <K extends MessageKey>(
  key: K,
  ...params: [ParamsOf<K>] extends [never] ? [] : [Record<ParamsOf<K>, ParamValue>]
) => string;

/** Replaces `{name}` with `params.name`; unknown placeholders are left as they are. */
export function interpolate(template: string, params: Readonly<Record<string, ParamValue>>): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : match,
  );
}

/** Translates outside React (the API client, tests). */
export function translate(locale: Locale, key: MessageKey, params?: Readonly<Record<string, ParamValue>>): string {
  const template = dictionaries[locale][key];
  return params ? interpolate(template, params) : template;
}

export function makeT(locale: Locale): TFunction {
  return ((key: MessageKey, params?: Record<string, ParamValue>) => translate(locale, key, params)) as TFunction;
}

/** The current language; re-renders when it changes. */
export function useLocale(): Locale {
  return useSyncExternalStore(subscribeLocale, getLocale, getLocale);
}

/** The translate function for the current language. */
export function useT(): TFunction {
  const locale = useLocale();
  return useMemo(() => makeT(locale), [locale]);
}
