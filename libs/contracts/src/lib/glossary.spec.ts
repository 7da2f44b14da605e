import { GLOSSARY } from './glossary';

describe('the glossary', () => {
  const terms = Object.values(GLOSSARY);

  it('gives each thing one name per language, never another term’s name', () => {
    expect(new Set(terms.map((t) => t.ja)).size).toBe(terms.length);
    expect(new Set(terms.map((t) => t.en)).size).toBe(terms.length);
    const names: readonly string[] = terms.map((t) => t.ja);
    expect(terms.flatMap((t) => t.dropped).filter((word) => names.includes(word))).toEqual([]);
  });

  it('settles the names the desk used for the same thing', () => {
    expect(
      [GLOSSARY.arrivedAt, GLOSSARY.status, GLOSSARY.note, GLOSSARY.returnSlip].map((t) => [t.ja, t.dropped]),
    ).toEqual([
      ['受付日時', ['来庁日時']],
      ['状況', ['状態', 'ステータス']],
      ['メモ', ['備考']],
      ['返却票', ['再来庁票']],
    ]);
  });
});
