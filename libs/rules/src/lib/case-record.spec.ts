import { CaseRecordFacts, caseRecordProblems, functionsOf } from './case-record';

const NOW = new Date('2020-11-24T03:00:00Z');
const done = (over: Partial<CaseRecordFacts> = {}): CaseRecordFacts => ({
  status: 'completed',
  procedure: 'both',
  representative: 'self',
  ageBand: '40to64',
  paymentServiceId: 1,
  arrivedAt: '2020-11-24T00:00:00.000Z',
  startedAt: '2020-11-24T00:10:00.000Z',
  endedAt: '2020-11-24T00:25:00.000Z',
  completed: ['reservation', 'application'],
  alreadyReserved: false,
  reason: null,
  note: null,
  ...over,
});
const fields = (facts: CaseRecordFacts) => caseRecordProblems(facts, NOW).map((p) => p.field);

describe('a case record', () => {
  it('accepts a consistent completed case, a waiting arrival and a citizen who left', () => {
    expect(fields(done())).toEqual([]);
    expect(
      fields(done({ status: 'waiting', startedAt: null, endedAt: null, completed: [], paymentServiceId: null })),
    ).toEqual([]);
    expect(fields(done({ status: 'left', startedAt: null, completed: [] }))).toEqual([]);
  });

  it('needs a reason exactly when not completed, and a note for "other"', () => {
    expect(fields(done({ status: 'not_completed', completed: [] }))).toEqual(['reason']);
    expect(fields(done({ reason: 'pin_locked' }))).toEqual(['reason']);
    expect(fields(done({ status: 'not_completed', completed: [], reason: 'other' }))).toEqual(['note']);
    expect(fields(done({ status: 'not_completed', completed: [], reason: 'other', note: '決済アプリ不明' }))).toEqual(
      [],
    );
  });

  it('allows a partial result on a not-completed case: reservation done, application refused', () => {
    expect(
      fields(done({ status: 'not_completed', completed: ['reservation'], reason: 'service_not_at_spot' })),
    ).toEqual([]);
  });

  it('keeps the instants in order', () => {
    expect(fields(done({ startedAt: '2020-11-23T23:59:00.000Z' }))).toEqual(['startedAt']);
    expect(fields(done({ endedAt: '2020-11-24T00:05:00.000Z' }))).toEqual(['endedAt']);
    expect(
      fields(done({ status: 'left', startedAt: null, completed: [], endedAt: '2020-11-23T23:00:00.000Z' })),
    ).toEqual(['endedAt']);
    expect(
      fields(
        done({
          arrivedAt: '2020-11-24T04:00:00.000Z',
          startedAt: null,
          endedAt: null,
          status: 'waiting',
          completed: [],
        }),
      ),
    ).toContain('arrivedAt');
  });

  it('matches what was completed to the procedure, with already-reserved citizens applying only', () => {
    expect(fields(done({ completed: ['application'] }))).toEqual(['completed']);
    expect(fields(done({ completed: ['application'], alreadyReserved: true }))).toEqual([]);
    expect(fields(done({ procedure: 'reservation', completed: ['application'], paymentServiceId: null }))).toContain(
      'completed',
    );
    expect(fields(done({ procedure: 'inquiry', completed: [], paymentServiceId: null }))).toEqual([]);
    expect(
      fields(
        done({ procedure: 'reservation', completed: ['reservation'], alreadyReserved: true, paymentServiceId: null }),
      ),
    ).toContain('alreadyReserved');
  });

  it('needs the payment service once an application is completed', () => {
    expect(fields(done({ paymentServiceId: null }))).toEqual(['paymentServiceId']);
    expect(fields(done({ procedure: 'reservation', completed: ['reservation'], paymentServiceId: null }))).toEqual([]);
  });

  it('lets a legal representative complete a procedure only for a holder under 15 (seed)', () => {
    expect(fields(done({ representative: 'legal_representative', ageBand: 'under15' }))).toEqual([]);
    expect(fields(done({ representative: 'legal_representative', ageBand: '15to19' }))).toEqual(['representative']);
  });

  it('gives every problem in Japanese and English', () => {
    for (const problem of caseRecordProblems(done({ status: 'not_completed', endedAt: null }), NOW)) {
      expect(problem.message.ja).toMatch(/[ぁ-んァ-ン一-龯]/);
      expect(problem.message.en).toMatch(/[a-z]/);
    }
  });

  it('names the platform functions each procedure involves', () => {
    expect(functionsOf('both')).toEqual(['reservation', 'application']);
    expect(functionsOf('both', true)).toEqual(['application']);
    expect(functionsOf('inquiry')).toEqual([]);
  });
});

describe('the certificate renewal of a case held up by the 24-hour wait', () => {
  const waiting = (certRenewedAt: string | null, over: Partial<CaseRecordFacts> = {}) =>
    done({
      status: 'not_completed',
      completed: [],
      reason: 'cert_wait_24h',
      certRenewedAt,
      ...over,
    });
  const renewalProblems = (facts: CaseRecordFacts, hours?: number) =>
    caseRecordProblems(facts, NOW, hours).filter((p) => p.field === 'certRenewedAt');

  it('accepts a renewal earlier that morning or the afternoon before, and none at all', () => {
    // The visit: arrived 09:00, started 09:10, ended 09:25 on Tuesday 2020-11-24 (Tokyo).
    expect(renewalProblems(waiting('2020-11-23T23:45:00.000Z'))).toEqual([]);
    expect(renewalProblems(waiting('2020-11-23T07:00:00.000Z'))).toEqual([]);
    expect(renewalProblems(waiting(null))).toEqual([]);
  });

  it('refuses a renewal after the visit ended', () => {
    const [problem] = renewalProblems(waiting('2020-11-24T00:30:00.000Z'));
    expect(problem?.message.ja).toBe('電子証明書の更新日時が、この来庁の終了より後になっています。');
  });

  it('refuses a renewal whose wait was over before service started', () => {
    const [problem] = renewalProblems(waiting('2020-11-23T00:10:00.000Z'));
    expect(problem?.message.ja).toContain('対応開始までに24時間が経過しています');
    expect(renewalProblems(waiting('2020-11-23T00:10:00.000Z'), 72)).toEqual([]);
  });

  it('refuses a renewal for any other reason', () => {
    const facts = waiting('2020-11-23T23:45:00.000Z', { reason: 'pin_locked' });
    expect(renewalProblems(facts)[0]?.message.en).toBe('certRenewedAt is only for the reason cert_wait_24h.');
  });
});
