import type { Labelled } from '@madoguchi/contracts';

/** Shown when a free-text field is refused because it seems to hold a My Number. */
export const MY_NUMBER_REFUSAL: Labelled = {
  ja: '個人番号(マイナンバー)と思われる12桁の数字が含まれています。マイナンバーは記録できません。削除してから保存してください。',
  en: 'This text seems to contain a My Number (a 12-digit individual number). My Numbers must not be recorded: remove it and save again.',
};

// Kanji numerals as typed digit by digit, in everyday (〇一二…) and formal (壱弐参…) forms.
const KANJI_DIGITS: Readonly<Record<string, string>> = {
  〇: '0',
  零: '0',
  一: '1',
  壱: '1',
  壹: '1',
  二: '2',
  弐: '2',
  貳: '2',
  三: '3',
  参: '3',
  參: '3',
  四: '4',
  肆: '4',
  五: '5',
  伍: '5',
  六: '6',
  陸: '6',
  七: '7',
  漆: '7',
  八: '8',
  捌: '8',
  九: '9',
  玖: '9',
};
const KANJI_DIGIT = new RegExp(`[${Object.keys(KANJI_DIGITS).join('')}]`, 'gu');
// What displays as nothing between two digits: format characters (zero-width spaces and joiners, bidi controls, soft
// hyphens), combining and enclosing marks, variation selectors and the Hangul fillers.
const INVISIBLE = /[\p{Cf}\p{Mn}\p{Me}\u115f\u1160\u3164\uffa0]/gu;
const NON_ASCII_DIGIT = /(?![0-9])\p{Nd}/gu;
const IS_DIGIT = /^\p{Nd}$/u;
// Any run of characters that are neither letters nor digits separates digit groups: spaces, dashes, dots, slashes,
// brackets, 「・」, 「〜」, commas, colons, underscores… and 「ー」, a letter to Unicode but typed as a dash.
const DIGIT_CHAIN = /\d+(?:(?:[^\p{L}\p{N}]|\u30fc)+\d+)*/gu;
const SEPARATORS = /(?:[^\p{L}\p{N}]|\u30fc)+/u;

/**
 * The value of a decimal digit of any script. Unicode encodes every such digit in runs of ten from zero, and runs
 * that touch each other start at a zero too, so the distance from the start of the run, modulo ten, is the value.
 */
function digitValue(digit: string): string {
  const codePoint = digit.codePointAt(0) as number;
  let start = codePoint;
  while (start > 0 && IS_DIGIT.test(String.fromCodePoint(start - 1))) start--;
  return String((codePoint - start) % 10);
}

/**
 * The text as a person reads it, for finding numbers: compatibility forms folded (full-width, circled, superscript,
 * mathematical digits), invisible characters removed, and digits of every script and kanji numerals as 0–9.
 */
export function normaliseForNumbers(text: string): string {
  return text
    .normalize('NFKC')
    .replace(INVISIBLE, '')
    .replace(KANJI_DIGIT, (kanji) => KANJI_DIGITS[kanji] ?? kanji)
    .replace(NON_ASCII_DIGIT, digitValue);
}

/** True for exactly 12 digits (in any script) whose last digit is the My Number check digit. */
export function isValidMyNumber(digits: string): boolean {
  const normalised = normaliseForNumbers(digits);
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
 * The text is read as a person reads it (normaliseForNumbers). Digits joined by any run of characters that are
 * neither letters nor digits form one chain; a chain of exactly 12 digits grouped by fours or in groups of one size
 * (not pairs) is a candidate, and inside any chain so are a lone 12-digit group and three consecutive 4-digit groups (4-4-4). A 12-digit run
 * inside a longer run of digits is not a candidate, and letters end a chain.
 */
export function findMyNumbers(text: string): string[] {
  const found: string[] = [];
  for (const chain of normaliseForNumbers(text).match(DIGIT_CHAIN) ?? []) {
    const groups = chain.split(SEPARATORS);
    const candidates = new Set<string>();
    // Twelve digits read as one number when grouped by fours (4-4-4, or 8-4 with a separator forgotten) or in groups of
    // one size (1 2 3…, 123-456-789-018). Other mixtures are dates and times (2020-07-23 10:00), and pairs are clock
    // times (10:00〜12:00、13:00〜15:00).
    const size = groups[0]?.length ?? 0;
    const byFours = groups.every((g) => g.length % 4 === 0);
    const uniform = size !== 2 && groups.every((g) => g.length === size);
    if (groups.join('').length === 12 && (byFours || uniform)) {
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

// A word for a secret, then what follows it as its value: 「暗証番号 1234」, 「PIN:1234」, 「パスワードは abc123」.
const SECRET_AND_VALUE =
  /(暗証番号|暗証|PIN|ピン|パスワード|password|passcode)[\s:=は、,]*[A-Za-z0-9]{4,16}(?![A-Za-z0-9])/i;

/**
 * True when a text seems to hold a PIN or password: the desk never records one, but unlike a My Number it cannot
 * be recognised for sure, so screens warn instead of refusing.
 */
export function looksLikePin(text: string): boolean {
  return SECRET_AND_VALUE.test(normaliseForNumbers(text));
}

/** Shown under a note that seems to hold a PIN or password. */
export const PIN_WARNING: Labelled = {
  ja: '暗証番号やパスワードのように見える記載があります。暗証番号・パスワードは記録しないでください。',
  en: 'This looks like a PIN or password. Do not record PINs or passwords.',
};

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
