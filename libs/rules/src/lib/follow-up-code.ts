import { FOLLOW_UP_CODE_ALPHABET, FOLLOW_UP_CODE_LENGTH } from '@madoguchi/contracts';

// Spaces and dashes people add when they copy a code from paper, in every width an input method may produce.
const SEPARATORS = /[\s\-\u2010-\u2015\u2212\u30fc\uff0d]/g;
const PATTERN = new RegExp(`^[${FOLLOW_UP_CODE_ALPHABET}]{${FOLLOW_UP_CODE_LENGTH}}$`);

/**
 * A follow-up code as typed (full-width, lower case, `ABC-234`) in its stored form, or null when it cannot be one.
 * Nothing is guessed: a 0, O, 1 or I is not in the alphabet, so a code holding one is refused rather than corrected.
 */
export function normaliseFollowUpCode(text: string): string | null {
  const code = text.normalize('NFKC').replace(SEPARATORS, '').toUpperCase();
  return PATTERN.test(code) ? code : null;
}

/** True for a code in its stored form. */
export function isFollowUpCode(text: string): boolean {
  return PATTERN.test(text);
}
