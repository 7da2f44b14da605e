import type { ProblemDetails, SupportCase } from '@madoguchi/contracts';
import { parse } from 'csv-parse/sync';
import { Workbook } from 'exceljs';
import { ApiClient } from '../support/api-client';
import { ApiServer, startApi } from '../support/api-server';
import { download, logVisit } from '../support/visits';

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

describe('case exports', () => {
  let server: ApiServer;
  let staff: ApiClient;
  let manager: ApiClient;
  let first: SupportCase;

  beforeAll(async () => {
    server = await startApi();
    staff = await ApiClient.signIn(server.baseUrl, 'staff');
    manager = await ApiClient.signIn(server.baseUrl, 'manager');
    // Just outside the range on both sides: 23:59 JST the day before, 00:00 JST the day after.
    await logVisit(staff, {
      procedure: 'application',
      status: 'left',
      arrived: '2021-06-06 23:59',
      ended: '2021-06-07 00:05',
    });
    await logVisit(staff, {
      procedure: 'inquiry',
      channel: 'phone',
      status: 'completed',
      arrived: '2021-06-09 00:00',
      started: '2021-06-09 00:00',
      ended: '2021-06-09 00:04',
    });
    first = await logVisit(staff, {
      procedure: 'both',
      status: 'completed',
      paymentServiceId: 1,
      ageBand: '40to64',
      arrived: '2021-06-07 09:00',
      started: '2021-06-07 09:05',
      ended: '2021-06-07 09:15',
    });
    await logVisit(staff, {
      procedure: 'reservation',
      status: 'not_completed',
      reason: 'pin_locked',
      note: '=SUM(A1) 再設定後に来庁',
      arrived: '2021-06-07 10:00',
      started: '2021-06-07 10:03',
      ended: '2021-06-07 10:09:30',
    });
    await logVisit(staff, {
      procedure: 'application',
      status: 'left',
      arrived: '2021-06-08 16:50',
      ended: '2021-06-08 17:00',
    });
  });
  afterAll(() => server.stop());

  const csv = (query: string, client: ApiClient | null = manager) =>
    download(client, server.baseUrl, `/api/cases/export.csv?${query}`);
  const records = (bytes: Buffer): Record<string, string>[] => parse(bytes, { bom: true, columns: true });

  it('writes UTF-8 with a BOM and CRLF line ends, as an attachment named after the range', async () => {
    const answer = await csv('from=2021-06-07&to=2021-06-08');
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(answer.headers.get('content-disposition')).toBe(
      'attachment; filename="madoguchi-cases-2021-06-07-2021-06-08.csv"',
    );
    expect(answer.bytes.subarray(0, 3)).toEqual(BOM);
    const text = answer.bytes.toString('utf8');
    expect(text.split('\r\n')).toHaveLength(5); // header, three cases, and the empty tail after the last CRLF
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
  });

  it('round-trips through a CSV parser with Japanese headers, Tokyo times, codes and their labels', async () => {
    const rows = records((await csv('from=2021-06-07&to=2021-06-08')).bytes);
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatchObject({
      ケースID: String(first.id),
      '受付日時(日本時間)': '2021-06-07 09:00',
      '対応開始日時(日本時間)': '2021-06-07 09:05',
      '終了日時(日本時間)': '2021-06-07 09:15',
      '待ち時間(分)': '5',
      '対応時間(分)': '10',
      '受付方法(コード)': 'counter',
      受付方法: '窓口',
      '手続(コード)': 'both',
      手続: '予約と申込み',
      '状況(コード)': 'completed',
      状況: '完了',
      予約完了: '1',
      申込み完了: '1',
      '未完了の理由(コード)': '',
      決済サービスID: '1',
      決済サービス: 'ことりペイ',
      '年齢層(コード)': '40to64',
      年齢層: '40〜64歳',
      '担当職員(ユーザー名)': 'staff',
      担当職員: '窓口 花子',
    });
    expect(rows[1]).toMatchObject({
      '受付日時(日本時間)': '2021-06-07 10:00',
      '対応時間(分)': '6.5',
      '状況(コード)': 'not_completed',
      '未完了の理由(コード)': 'pin_locked',
      未完了の理由: '暗証番号ロック',
      予約完了: '0',
      // A note that starts like a formula is shown as text, never run by Excel.
      メモ: "'=SUM(A1) 再設定後に来庁",
    });
    expect(rows[2]).toMatchObject({
      '受付日時(日本時間)': '2021-06-08 16:50',
      '対応開始日時(日本時間)': '',
      '終了日時(日本時間)': '2021-06-08 17:00',
      '状況(コード)': 'left',
      状況: '離席(対応前に退出)',
      '担当職員(ユーザー名)': '',
    });
  });

  it('writes English headers and labels with lang=en', async () => {
    const rows = records((await csv('from=2021-06-07&to=2021-06-07&lang=en')).bytes);
    expect(rows[0]).toMatchObject({
      'Arrived at (Japan time)': '2021-06-07 09:00',
      'Status (code)': 'completed',
      Status: 'Completed',
      Procedure: 'Reservation and application',
      'Payment service': 'ことりペイ',
    });
    expect(rows[1]).toMatchObject({
      'Reason not completed (code)': 'pin_locked',
      'Reason not completed': 'PIN locked',
    });
  });

  it.each([
    ['status=not_completed', ['2021-06-07 10:00']],
    ['reason=pin_locked', ['2021-06-07 10:00']],
    ['procedure=application', ['2021-06-08 16:50']],
    ['status=completed&procedure=reservation', []],
  ])('applies the case list filters (%s)', async (filter, arrivals) => {
    const rows = records((await csv(`from=2021-06-07&to=2021-06-08&${filter}`)).bytes);
    expect(rows.map((r) => r['受付日時(日本時間)'])).toEqual(arrivals);
  });

  it('exports every case, in arrival order, without a range', async () => {
    const answer = await csv('');
    expect(answer.headers.get('content-disposition')).toBe('attachment; filename="madoguchi-cases-first-last.csv"');
    expect(records(answer.bytes).map((r) => r['受付日時(日本時間)'])).toEqual([
      '2021-06-06 23:59',
      '2021-06-07 09:00',
      '2021-06-07 10:00',
      '2021-06-08 16:50',
      '2021-06-09 00:00',
    ]);
  });

  it('writes an XLSX workbook that opens with the rows, times reading as Tokyo time', async () => {
    const answer = await download(manager, server.baseUrl, '/api/cases/export.xlsx?from=2021-06-07&to=2021-06-08');
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(answer.headers.get('content-disposition')).toBe(
      'attachment; filename="madoguchi-cases-2021-06-07-2021-06-08.xlsx"',
    );
    const workbook = new Workbook();
    await workbook.xlsx.load(answer.bytes as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('ケース一覧');
    expect(sheet?.rowCount).toBe(4);
    const header = sheet?.getRow(1).values as unknown[];
    expect(header.slice(1, 3)).toEqual(['ケースID', '受付日時(日本時間)']);
    const firstRow = sheet?.getRow(2);
    expect(firstRow?.getCell(1).value).toBe(first.id);
    // Excel has no time zone: the cell holds the Tokyo wall-clock time, formatted as such.
    expect((firstRow?.getCell(2).value as Date).toISOString()).toBe('2021-06-07T09:00:00.000Z');
    expect(firstRow?.getCell(2).numFmt).toBe('yyyy-mm-dd hh:mm');
    expect(firstRow?.getCell(13).value).toBe('完了');
    expect(sheet?.getRow(3).getCell(6).value).toBe(6.5);
    expect(sheet?.getRow(4).getCell(12).value).toBe('left');
  });

  it('is served ahead of the case routes, which still answer by id', async () => {
    const byId = await manager.get<SupportCase>(`/api/cases/${first.id}`);
    expect(byId.status).toBe(200);
    expect(byId.body.id).toBe(first.id);
  });

  it('refuses bad filters with a problem, not a download', async () => {
    for (const query of ['status=teleported', 'from=2021-06-08&to=2021-06-07', 'page=2', 'lang=fr']) {
      const answer = await csv(query);
      expect(answer.status).toBe(400);
      expect(answer.headers.get('content-type')).toContain('application/problem+json');
      expect(answer.headers.get('content-disposition')).toBeNull();
      const problem = JSON.parse(answer.bytes.toString('utf8')) as ProblemDetails;
      expect(problem.errors?.length).toBeGreaterThan(0);
    }
  });

  it.each(['export.csv', 'export.xlsx'])('gives %s to managers and admins only', async (file) => {
    const path = `/api/cases/${file}?from=2021-06-07&to=2021-06-08`;
    const admin = await ApiClient.signIn(server.baseUrl, 'admin');
    expect((await download(admin, server.baseUrl, path)).status).toBe(200);
    expect((await download(staff, server.baseUrl, path)).status).toBe(403);
    expect((await download(null, server.baseUrl, path)).status).toBe(401);
  });
});
