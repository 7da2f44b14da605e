import type { ja } from './ja';

export const LANGUAGES = ['ja', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Intl locales per language; en-US keeps month abbreviations at three letters (Sep, not Sept). */
export const LOCALES: Readonly<Record<Language, string>> = { ja: 'ja-JP', en: 'en-US' };

/** The shape every dictionary must have: ja's keys, any string as value, nothing missing, nothing extra. */
export type Dictionary = Widen<typeof ja>;

type Widen<T> = { readonly [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

/** Dotted paths to every string in the dictionary, e.g. 'caseForm.status'. */
export type TranslationKey = Paths<typeof ja>;

type Paths<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Paths<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

export type TranslationParams = Readonly<Record<string, string | number>>;
