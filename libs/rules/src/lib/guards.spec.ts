import fc from 'fast-check';
import {
  containsMyNumber,
  findMyNumbers,
  isValidMunicipalityCode,
  isValidMyNumber,
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
