import type { Labelled } from '@madoguchi/contracts';

/** Shown when a free-text field is refused because it seems to hold a My Number. */
export const MY_NUMBER_REFUSAL: Labelled = {
  ja: '個人番号(マイナンバー)と思われる12桁の数字が含まれています。マイナンバーは記録できません。削除してから保存してください。',
  en: 'This text seems to contain a My Number (a 12-digit individual number). My Numbers must not be recorded: remove it and save again.',
};

// Spaces and every dash an input method may produce; full-width forms are folded into these by NFKC first.
const SEPARATOR = '[\\s\\-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2500\u30fc\uff0d\uff70]';
// Digits joined by short runs of separators: one chain is one number however it was grouped.
const DIGIT_CHAIN = new RegExp(`\\d+(?:${SEPARATOR}{1,3}\\d+)*`, 'g');
const SEPARATORS = new RegExp(`${SEPARATOR}+`);

/** True for exactly 12 digits (full-width allowed) whose last digit is the My Number check digit. */
export function isValidMyNumber(digits: string): boolean {
  const normalised = digits.normalize('NFKC');
  return /^\d{12}$/.test(normalised) && myNumberCheckDigit(normalised.slice(0, 11)) === Number(normalised[11]);
}

/**
 * The check digit of a My Number from its first 11 digits: with Pn the nth digit from the right and
 * Qn = n + 1 (n ≤ 6) or n − 5 (n ≥ 7), r = ΣPn·Qn mod 11 and the check digit is 0 when r ≤ 1, else 11 − r.
 */
export function myNumberCheckDigit(first11: string): number {
  if (!/^\d{11}$/.test(first11)) {
    throw new RangeError('A My Number check digit needs exactly 11 digits');
  }
  let sum = 0;
  for (let n = 1; n <= 11; n++) {
    sum += Number(first11[11 - n]) * (n <= 6 ? n + 1 : n - 5);
  }
  const r = sum % 11;
  return r <= 1 ? 0 : 11 - r;
}

/**
 * The 12-digit candidates in a text that carry a valid My Number check digit, as plain digits.
 * Digits joined by spaces or dashes form one number; a chain of exactly 12 digits is a candidate however it is
 * grouped, and inside a longer chain so are a lone 12-digit group and three consecutive 4-digit groups (4-4-4).
 * A 12-digit run inside a longer run of digits is not a candidate.
 */
export function findMyNumbers(text: string): string[] {
  const found: string[] = [];
  for (const chain of text.normalize('NFKC').match(DIGIT_CHAIN) ?? []) {
    const groups = chain.split(SEPARATORS);
    const candidates = new Set<string>();
    if (groups.join('').length === 12) {
      candidates.add(groups.join(''));
    }
    groups.forEach((group, i) => {
      if (group.length === 12) {
        candidates.add(group);
      }
      const three = groups.slice(i, i + 3);
      if (three.length === 3 && three.every((g) => g.length === 4)) {
        candidates.add(three.join(''));
      }
    });
    found.push(...[...candidates].filter(isValidMyNumber));
  }
  return found;
}

/** Madoguchi never stores a My Number: free text holding one, however typed, is refused. */
export function containsMyNumber(text: string): boolean {
  return findMyNumbers(text).length > 0;
}

/**
 * A 6-digit local government code (全国地方公共団体コード): the last digit is the last digit of
 * 11 − ((d1·6 + d2·5 + d3·4 + d4·3 + d5·2) mod 11).
 */
export function isValidMunicipalityCode(code: string): boolean {
  if (!/^\d{6}$/.test(code)) {
    return false;
  }
  const weights = [6, 5, 4, 3, 2];
  const r = weights.reduce((sum, w, i) => sum + Number(code[i]) * w, 0) % 11;
  return (11 - r) % 10 === Number(code[5]);
}
