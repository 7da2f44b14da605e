import { DOCUMENT, Injectable, inject, signal } from '@angular/core';
import type { Labelled } from '@madoguchi/contracts';
import {
  type Dictionary,
  type Language,
  LANGUAGES,
  LOCALES,
  type TranslationKey,
  type TranslationParams,
} from './dictionary';
import { en } from './en';
import { ja } from './ja';

const DICTIONARIES: Readonly<Record<Language, Dictionary>> = { ja, en };
const STORAGE_KEY = 'madoguchi.language';

/**
 * Runtime translation: the language is a signal, so templates and computed values that read
 * `translate()` or `label()` update when staff switch language, without a reload.
 */
@Injectable({ providedIn: 'root' })
export class I18n {
  private readonly document = inject(DOCUMENT);
  private readonly current = signal<Language>(readStoredLanguage());

  readonly lang = this.current.asReadonly();

  constructor() {
    this.document.documentElement.lang = this.current();
  }

  setLanguage(lang: Language): void {
    this.current.set(lang);
    this.document.documentElement.lang = lang;
    try {
      localStorage.setItem(STORAGE_KEY, lang);
    } catch {
      // Storage can be disabled (private mode); the choice then lasts for this page only.
    }
  }

  /** The text for a key in the current language, with `{name}` placeholders filled from params. */
  translate(key: TranslationKey, params?: TranslationParams): string {
    const text = lookup(DICTIONARIES[this.current()], key);
    if (!params) return text;
    return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = params[name];
      if (value === undefined) return whole;
      return typeof value === 'number' ? this.number(value) : value;
    });
  }

  /** A code list label from `@madoguchi/contracts` (e.g. `REASONS[code]`) in the current language. */
  label(labelled: Labelled | null | undefined): string {
    return labelled ? labelled[this.current()] : '';
  }

  /** A number with the language's thousands separators. */
  number(value: number): string {
    return new Intl.NumberFormat(LOCALES[this.current()]).format(value);
  }
}

function lookup(dictionary: Dictionary, key: TranslationKey): string {
  let node: unknown = dictionary;
  for (const part of key.split('.')) {
    node = (node as Record<string, unknown> | undefined)?.[part];
  }
  return typeof node === 'string' ? node : key;
}

function readStoredLanguage(): Language {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    return (LANGUAGES as readonly string[]).includes(stored ?? '') ? (stored as Language) : 'ja';
  } catch {
    return 'ja';
  }
}
