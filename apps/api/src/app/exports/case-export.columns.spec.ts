import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GLOSSARY } from '@madoguchi/contracts';
import { exportHeaders } from './case-export.columns';

const dropped = Object.values(GLOSSARY).flatMap((term) => term.dropped);

describe('the case export speaks the glossary', () => {
  it('heads its columns with the words the screens use', () => {
    expect(exportHeaders('ja')).toEqual([
      'ケースID',
      '受付日時(日本時間)',
      '対応開始日時(日本時間)',
      '終了日時(日本時間)',
      '待ち時間(分)',
      '対応時間(分)',
      '窓口',
      '受付方法(コード)',
      '受付方法',
      '手続(コード)',
      '手続',
      '状況(コード)',
      '状況',
      '予約完了',
      '申込み完了',
      '予約済み(申込みのみ)',
      '未完了の理由(コード)',
      '未完了の理由',
      '決済サービスID',
      '決済サービス',
      '年齢層(コード)',
      '年齢層',
      '来庁者(コード)',
      '来庁者',
      '担当職員(ユーザー名)',
      '担当職員',
      '前回来庁のケースID',
      'メモ',
    ]);
    expect(exportHeaders('en')).toEqual(
      expect.arrayContaining(['Arrived at (Japan time)', 'Status (code)', 'Status', 'Note', 'Who came']),
    );
  });

  it('uses no dropped synonym in either language', () => {
    const headers = [...exportHeaders('ja'), ...exportHeaders('en')];

    expect(dropped).toEqual(expect.arrayContaining(['来庁日時', '状態', '備考', '再来庁票']));
    expect(headers.filter((header) => dropped.some((word) => header.includes(word)))).toEqual([]);
  });

  it('is the glossary written down in docs/glossary.md', () => {
    const doc = readFileSync(join(__dirname, '../../../../../docs/glossary.md'), 'utf8');

    const rows = doc
      .split('\n')
      .filter((line) => line.startsWith('|'))
      .map((line) =>
        line
          .split('|')
          .slice(1, -1)
          .map((cell) => cell.trim()),
      );

    expect(rows.slice(2)).toEqual(
      Object.values(GLOSSARY).map((term) => [term.ja, term.en, term.meaning.en, term.dropped.join(', ')]),
    );
  });
});
