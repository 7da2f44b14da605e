import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GLOSSARY } from '@madoguchi/contracts';
import { parse } from 'csv-parse/sync';
import { csvHeader, csvLineWriter, exportHeaders, xlsxRowWriter } from './case-export.columns';
import type { ExportContext } from './case-export.columns';
import type { ExportCase } from './exports.repository';

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

describe('one case as a CSV line and an XLSX row', () => {
  const context: ExportContext = {
    lang: 'ja',
    lookups: {
      sites: new Map([[1, '市役所, 本庁舎']]),
      staff: new Map([[7, { username: 'staff', displayName: '窓口 花子' }]]),
      paymentServices: new Map([[2, 'ことり"ペイ"']]),
    },
  };
  // Arrived 2021-06-07 09:00 JST, started at 09:03, ended at 09:09:30.
  const visit: ExportCase = {
    id: 42,
    siteId: 1,
    staffId: 7,
    channel: 'counter',
    procedure: 'reservation',
    ageBand: '40to64',
    representative: 'self',
    paymentServiceId: 2,
    status: 'not_completed',
    arrivedAt: Date.UTC(2021, 5, 7, 0, 0),
    startedAt: Date.UTC(2021, 5, 7, 0, 3),
    endedAt: Date.UTC(2021, 5, 7, 0, 9, 30),
    completedReservation: false,
    completedApplication: false,
    alreadyReserved: false,
    reason: 'pin_locked',
    note: '=1+1 再設定\n後日来庁',
    previousCaseId: null,
  };

  it('writes every column, quoting only the cells that need it, and ends the line with CRLF', () => {
    const line = csvLineWriter(context)(visit);

    expect(line.endsWith('\r\n')).toBe(true);
    expect(
      line.startsWith('42,2021-06-07 09:00,2021-06-07 09:03,2021-06-07 09:09,3,6.5,"市役所, 本庁舎",counter,'),
    ).toBe(true);
    // Excel ends a row at a bare LF too: a cell holding one is quoted.
    expect(line.endsWith(`,"'=1+1 再設定\n後日来庁"\r\n`)).toBe(true);
    const [header, record] = parse(csvHeader('ja') + line, { bom: true }) as string[][];
    expect(header).toEqual(exportHeaders('ja'));
    expect(record).toEqual([
      '42',
      '2021-06-07 09:00',
      '2021-06-07 09:03',
      '2021-06-07 09:09',
      '3',
      '6.5',
      '市役所, 本庁舎',
      'counter',
      '窓口',
      'reservation',
      '予約(マイキーID設定)',
      'not_completed',
      '未完了',
      '0',
      '0',
      '0',
      'pin_locked',
      '暗証番号ロック',
      '2',
      'ことり"ペイ"',
      '40to64',
      '40〜64歳',
      'self',
      '本人',
      'staff',
      '窓口 花子',
      '',
      // Shown as text by Excel, never run; the line break stays inside the cell.
      "'=1+1 再設定\n後日来庁",
    ]);
  });

  it('writes the same case into a workbook row: Tokyo wall-clock dates, numbers, no cell for a missing value', () => {
    const row = xlsxRowWriter(context)(visit);

    expect(row.slice(0, 6)).toEqual([
      42,
      new Date('2021-06-07T09:00:00Z'),
      new Date('2021-06-07T09:03:00Z'),
      new Date('2021-06-07T09:09:30Z'),
      3,
      6.5,
    ]);
    expect(row[26]).toBeUndefined();
    expect(row[27]).toBe('=1+1 再設定\n後日来庁');
  });
});
