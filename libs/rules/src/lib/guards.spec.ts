import fc from 'fast-check';
import {
  containsMyNumber,
  findMyNumbers,
  isValidMunicipalityCode,
  isValidMyNumber,
  looksLikePin,
  myNumberCheckDigit,
} from './guards';

describe('isValidMyNumber', () => {
  it.each([
    ['123456789018', true],
    ['621498320257', true],
    ['１２３４５６７８９０１８', true],
    ['123456789012', false],
    ['621498320250', false],
    ['12345678901', false],
    ['1234567890180', false],
    ['1234 5678 9018', false],
  ])('%s → %s', (digits, valid) => {
    expect(isValidMyNumber(digits)).toBe(valid);
  });

  it('computes the check digit from the first 11 digits', () => {
    expect(myNumberCheckDigit('12345678901')).toBe(8);
    expect(myNumberCheckDigit('62149832025')).toBe(7);
    expect(() => myNumberCheckDigit('1234')).toThrow(RangeError);
  });
});

describe('containsMyNumber', () => {
  it.each([
    '123456789018',
    '番号は123456789018です',
    '1234 5678 9018',
    '1234-5678-9018',
    '1234 - 5678 - 9018',
    '１２３４５６７８９０１８',
    '１２３４　５６７８　９０１８',
    '１２３４－５６７８－９０１８',
    '1234ー5678ー9018',
    '1234ｰ5678ｰ9018',
    '1234‐5678‐9018',
    '1234−5678−9018',
    '1234–5678—9018',
    'マイナンバー：6214-9832-0257 とのこと',
    'No.1 1234 5678 9018',
    '2020-1234-5678-9018',
  ])('finds a My Number in %s', (text) => {
    expect(containsMyNumber(text)).toBe(true);
  });

  it.each([
    '',
    '123456789012',
    '1234-5678-9012',
    '1234567890180',
    '0123456789018',
    '12345678901812345',
    '1234 5678 90181',
    '電話 0467-82-1111 まで',
    '2020-07-23 10:00 来庁、予約完了',
    'ポイント 5000円 / 20000円',
  ])('finds none in %s', (text) => {
    expect(containsMyNumber(text)).toBe(false);
  });

  it('returns the numbers found as plain digits', () => {
    expect(findMyNumbers('１２３４　５６７８　９０１８ と 6214-9832-0257')).toEqual(['123456789018', '621498320257']);
  });
});

describe('containsMyNumber, whatever the formatting', () => {
  const FULL_WIDTH = '０１２３４５６７８９';
  const separatorArb = fc.constantFrom('', ' ', '-', '　', '－', 'ー', 'ｰ', '‐', '−', '–', ' - ', '  ');
  const nonDigitTextArb = fc
    .array(fc.constantFrom('あ', 'ア', '番', 'a', 'Z', ' ', '-', '。', '：', ':', '/', '(', ')', '\n'), {
      maxLength: 8,
    })
    .map((chars) => chars.join(''));
  const first11Arb = fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 11, maxLength: 11 }).map((d) => d.join(''));

  const write = (digits: string, fullWidth: boolean[], sep1: string, sep2: string) => {
    const chars = [...digits].map((d, i) => (fullWidth[i] ? FULL_WIDTH[Number(d)] : d));
    return `${chars.slice(0, 4).join('')}${sep1}${chars.slice(4, 8).join('')}${sep2}${chars.slice(8).join('')}`;
  };

  it('finds any valid number written plain or 4-4-4, half- or full-width, inside any text', () => {
    fc.assert(
      fc.property(
        first11Arb,
        fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }),
        separatorArb,
        separatorArb,
        nonDigitTextArb,
        nonDigitTextArb,
        (first11, fullWidth, sep1, sep2, before, after) => {
          const number = first11 + String(myNumberCheckDigit(first11));
          expect(containsMyNumber(before + write(number, fullWidth, sep1, sep2) + after)).toBe(true);
        },
      ),
    );
  });

  it('finds nothing when the check digit is wrong', () => {
    fc.assert(
      fc.property(
        first11Arb,
        fc.integer({ min: 1, max: 9 }),
        separatorArb,
        separatorArb,
        nonDigitTextArb,
        (first11, shift, sep1, sep2, around) => {
          const wrong = (myNumberCheckDigit(first11) + shift) % 10;
          const text = around + write(first11 + String(wrong), [], sep1, sep2) + around;
          expect(containsMyNumber(text)).toBe(false);
        },
      ),
    );
  });

  it('never fires on a valid number inside a longer run of digits', () => {
    fc.assert(
      fc.property(
        first11Arb,
        fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 1, maxLength: 3 }),
        fc.boolean(),
        (first11, extra, atStart) => {
          const number = first11 + String(myNumberCheckDigit(first11));
          const run = atStart ? extra.join('') + number : number + extra.join('');
          expect(containsMyNumber(`番号 ${run} です`)).toBe(false);
        },
      ),
    );
  });
});

describe('isValidMunicipalityCode', () => {
  it.each([
    ['142077', true], // Chigasaki
    ['011002', true], // Sapporo
    ['131016', true], // Chiyoda
    ['142078', false],
    ['14207', false],
    ['1420770', false],
    ['14207x', false],
  ])('%s → %s', (code, valid) => {
    expect(isValidMunicipalityCode(code)).toBe(valid);
  });
});

describe('containsMyNumber, however a person types or pastes it', () => {
  // Each written with 123456789018 (valid) unless it says otherwise.
  it.each([
    ['dots', '1234.5678.9018'],
    ['slashes', '1234/5678/9018'],
    ['underscores', '1234_5678_9018'],
    ['commas', '1234,5678,9018'],
    ['colons', '1234:5678:9018'],
    ['nakaguro', '1234・5678・9018'],
    ['wave dashes', '1234〜5678〜9018'],
    ['full-width tildes', '1234～5678～9018'],
    ['brackets', '(1234)(5678)(9018)'],
    ['corner brackets', '「1234」「5678」「9018」'],
    ['a phone-like bracket', '(1234)5678-9018'],
    ['several spaces', '1234     5678     9018'],
    ['a tab and a newline', '1234\t5678\n9018'],
    ['one digit at a time', '1 2 3 4 5 6 7 8 9 0 1 8'],
    ['threes', '123-456-789-018'],
    ['a forgotten separator', '12345678 9018'],
    ['kanji numerals', '一二三四五六七八九〇一八'],
    ['formal kanji numerals', '壱弐参四五六七八九零壱八'],
    ['kanji numerals grouped', '一二三四・五六七八・九〇一八'],
    ['Arabic-Indic digits', '١٢٣٤٥٦٧٨٩٠١٨'],
    ['Devanagari digits', '१२३४ ५६७८ ९०१८'],
    ['Thai digits', '๑๒๓๔๕๖๗๘๙๐๑๘'],
    ['mathematical bold digits', '𝟏𝟐𝟑𝟒𝟓𝟔𝟕𝟖𝟗𝟎𝟏𝟖'],
    ['circled digits', '①②③④⑤⑥⑦⑧⑨⓪①⑧'],
    ['superscript digits', '¹²³⁴⁵⁶⁷⁸⁹⁰¹⁸'],
    ['zero-width spaces', '1\u200b2\u200b3\u200b4\u200b5\u200b6\u200b7\u200b8\u200b9\u200b0\u200b1\u200b8'],
    ['a zero-width joiner and a word joiner', '1234\u200d5678\u20609018'],
    ['soft hyphens', '1234\u00ad5678\u00ad9018'],
    ['a byte order mark', '\ufeff123456789\ufeff018'],
    ['bidi controls', '\u202d123456789018\u202c'],
    ['combining marks', '1\u03322\u03323\u03324\u03325\u03326\u03327\u03328\u03329\u03320\u03321\u03328\u0332'],
    ['variation selectors', '1\ufe0f2345678\ufe0e9018'],
    ['full-width with ideographic spaces', '１２３４\u3000\u3000５６７８\u3000９０１８'],
    ['half-width katakana dash', '1234ｰ5678ｰ9018'],
    ['mixed scripts', '１2三４・５６七8・９〇1八'],
  ])('is refused when written with %s', (_how, text) => {
    expect(containsMyNumber(text)).toBe(true);
  });

  it.each([
    ['a phone number', 'お問い合わせ 0467-82-1111(代表)'],
    ['the call centre', '0120-95-0178(5番)'],
    ['a date and time', '2020/07/23 10:00〜2020/07/24 00:30'],
    ['clock times in pairs', '10:00〜12:00、13:00〜15:00'],
    ['a case number', 'ケース #1234 の再来庁'],
    ['a follow-up code', '再来庁コード K7M2-Q9PX'],
    ['an amount', '20,000円で5,000ポイント'],
    ['a wrong check digit, any spelling', '一二三四・五六七八・九〇一二'],
    ['a wrong check digit with invisible characters', '1234\u200b5678\u200b9012'],
    ['letters between the groups', '1234a5678b9018'],
  ])('is allowed for %s', (_what, text) => {
    expect(containsMyNumber(text)).toBe(false);
  });

  const KANJI = '〇一二三四五六七八九';
  const ARABIC_INDIC = '٠١٢٣٤٥٦٧٨٩';
  const FULL = '０１２３４５６７８９';
  const scriptArb = fc.constantFrom(
    (d: number) => String(d),
    (d: number) => FULL[d] as string,
    (d: number) => KANJI[d] as string,
    (d: number) => ARABIC_INDIC[d] as string,
  );
  const separatorArb = fc
    .array(fc.constantFrom(' ', '-', '.', '/', '_', ',', ':', '・', '〜', '(', ')', '「', '」', '　', 'ー', '\n'), {
      minLength: 1,
      maxLength: 4,
    })
    .map((s) => s.join(''));
  const invisibleArb = fc.constantFrom('', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad', '\u202c');
  const first11Arb = fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 11, maxLength: 11 }).map((d) => d.join(''));

  it('finds every valid number in 4-4-4 with any separators, scripts and invisible characters', () => {
    fc.assert(
      fc.property(
        first11Arb,
        fc.array(scriptArb, { minLength: 12, maxLength: 12 }),
        fc.array(invisibleArb, { minLength: 12, maxLength: 12 }),
        separatorArb,
        separatorArb,
        (first11, scripts, invisibles, sep1, sep2) => {
          const digits = [...(first11 + String(myNumberCheckDigit(first11)))].map(
            (d, i) => (scripts[i] as (d: number) => string)(Number(d)) + invisibles[i],
          );
          const text = `メモ ${digits.slice(0, 4).join('')}${sep1}${digits.slice(4, 8).join('')}${sep2}${digits.slice(8).join('')} 以上`;
          expect(containsMyNumber(text)).toBe(true);
        },
      ),
    );
  });

  it('lets a wrong check digit through in the same spellings', () => {
    fc.assert(
      fc.property(
        first11Arb,
        fc.integer({ min: 1, max: 9 }),
        separatorArb,
        invisibleArb,
        (first11, shift, sep, inv) => {
          const wrong = String((myNumberCheckDigit(first11) + shift) % 10);
          const digits = first11 + wrong;
          const text = `${digits.slice(0, 4)}${inv}${sep}${digits.slice(4, 8)}${sep}${inv}${digits.slice(8)}`;
          expect(containsMyNumber(text)).toBe(false);
        },
      ),
    );
  });
});

describe('looksLikePin', () => {
  it.each([
    '暗証番号 1234',
    '暗証番号は１２３４です',
    'PIN:1234',
    'ＰＩＮ 0000',
    'パスワード abc12345',
    'password=secret99',
  ])('warns about %s', (text) => expect(looksLikePin(text)).toBe(true));

  it.each(['暗証番号ロックのため市民課へ', 'パスワードを忘れた', 'PIN 3回誤りでロック', '電話 0467-82-1111', ''])(
    'does not warn about %s',
    (text) => expect(looksLikePin(text)).toBe(false),
  );
});
