/*
 * The statistics kept on write equal a straight count from the cases. fast-check logs random sequences of visits,
 * transitions and corrections (arrivals moved across days and months, statuses, services, staff, return visits),
 * then every statistics route is asked over HTTP (answered from the counters) and recomputed from the cases in the
 * same process, for ranges that cover whole months, only days, or both, with no filter and each single filter.
 */
import {
  AGE_BANDS,
  CHANNELS,
  PROCEDURES,
  REASON_CODES,
  type CreateCaseRequest,
  type PaymentService,
  type PlatformFunction,
  type StatsRangeQuery,
  type SupportCase,
  type UpdateCaseRequest,
} from '@madoguchi/contracts';
import fc from 'fast-check';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { databaseTarget, loadSettings, openDatabase, rebuildRollups, StatsService } from '../../apps/api/src/testing';
import { ApiClient } from '../support/api-client';
import { ApiServer, startApi } from '../support/api-server';

/** Around the end of October 2020: ranges below cut through the month, cover it whole, or both. */
const FIRST_DAY = Date.parse('2020-10-27T00:00:00+09:00');
const DAYS = 9;

type Step =
  | { kind: 'create'; visit: Visit; by: number }
  | { kind: 'start' | 'leave'; pick: number; by: number }
  | { kind: 'finish'; pick: number; by: number; completed: boolean; reason: number }
  | { kind: 'edit'; pick: number; by: number; visit: Visit };

interface Visit {
  /** Seconds after FIRST_DAY: any second of the nine days, midnight included. */
  arrival: number;
  waitSeconds: number;
  handleSeconds: number;
  outcome: 'completed' | 'not_completed' | 'left' | 'waiting';
  /** A not-completed `both` visit that got its reservation done. */
  partial: boolean;
  procedure: number;
  ageBand: number | null;
  channel: number;
  service: number | null;
  reason: number;
  alreadyReserved: boolean;
  returnOf: number | null;
}

const visitArbitrary: fc.Arbitrary<Visit> = fc.record({
  arrival: fc.integer({ min: 0, max: DAYS * 86_400 - 1 }),
  waitSeconds: fc.integer({ min: 0, max: 3 * 3600 }),
  handleSeconds: fc.integer({ min: 0, max: 3600 }),
  outcome: fc.constantFrom('completed', 'not_completed', 'left', 'waiting'),
  partial: fc.boolean(),
  procedure: fc.nat(PROCEDURES.length - 1),
  ageBand: fc.option(fc.nat(AGE_BANDS.length - 1)),
  channel: fc.nat(CHANNELS.length - 1),
  service: fc.option(fc.nat(3)),
  reason: fc.nat(REASON_CODES.length - 1),
  alreadyReserved: fc.boolean(),
  returnOf: fc.option(fc.nat(50)),
});

const stepArbitrary: fc.Arbitrary<Step> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('create' as const), visit: visitArbitrary, by: fc.nat(1) }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constantFrom('start' as const, 'leave' as const), pick: fc.nat(), by: fc.nat(1) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('finish' as const),
      pick: fc.nat(),
      by: fc.nat(1),
      completed: fc.boolean(),
      reason: fc.nat(REASON_CODES.length - 1),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('edit' as const), pick: fc.nat(), by: fc.nat(1), visit: visitArbitrary }),
  },
);

const ROUTES = ['summary', 'daily', 'funnel', 'heatmap', 'staff'] as const;

describe('statistics kept on write', () => {
  let server: ApiServer;
  let manager: ApiClient;
  let staffClients: ApiClient[];
  let services: PaymentService[];
  let stats: StatsService;
  const logged: SupportCase[] = [];
  let accepted = 0;

  beforeAll(async () => {
    server = await startApi();
    manager = await ApiClient.signIn(server.baseUrl, 'manager');
    staffClients = [await ApiClient.signIn(server.baseUrl, 'staff'), await ApiClient.signIn(server.baseUrl, 'staff02')];
    services = (await manager.get<PaymentService[]>('/api/payment-services')).body;
    stats = server.get(StatsService);
  });
  afterAll(async () => {
    await server?.stop();
  });

  const at = (seconds: number) => new Date(FIRST_DAY + seconds * 1000).toISOString();

  /** The fields of a visit as the API takes them, valid by the desk's rules; a waiting visit has not been served yet. */
  function fieldsOf(visit: Visit): CreateCaseRequest {
    const procedure = PROCEDURES[visit.procedure] ?? 'both';
    const applies = procedure === 'application' || procedure === 'both';
    const served = visit.outcome !== 'waiting';
    const started = visit.arrival + visit.waitSeconds;
    const alreadyReserved = applies && visit.alreadyReserved;
    const reason = visit.outcome === 'not_completed' ? (REASON_CODES[visit.reason] ?? null) : null;
    const steps: PlatformFunction[] =
      procedure === 'inquiry'
        ? []
        : procedure === 'both'
          ? alreadyReserved
            ? ['application']
            : ['reservation', 'application']
          : [procedure];
    return {
      procedure,
      channel: CHANNELS[visit.channel] ?? 'counter',
      ageBand: visit.ageBand === null ? null : (AGE_BANDS[visit.ageBand] ?? null),
      // A completed application names how the points were paid out; otherwise the service is optional.
      paymentServiceId:
        !applies || (visit.service === null && visit.outcome !== 'completed')
          ? null
          : (services[(visit.service ?? 0) % services.length]?.id ?? null),
      status: visit.outcome,
      arrivedAt: at(visit.arrival),
      startedAt: served && visit.outcome !== 'left' ? at(started) : null,
      endedAt: served ? at(visit.outcome === 'left' ? started : started + visit.handleSeconds) : null,
      alreadyReserved,
      completed:
        visit.outcome === 'completed'
          ? steps
          : visit.outcome === 'not_completed' && visit.partial && steps.length === 2
            ? ['reservation']
            : [],
      reason,
      note: reason === 'other' ? '窓口で確認' : null,
    };
  }

  async function apply(step: Step): Promise<void> {
    // Staff change only their own cases of the day; corrections of past days are a manager's.
    const client = step.kind === 'edit' ? manager : (staffClients[step.by] ?? manager);
    if (step.kind === 'create') {
      const body: CreateCaseRequest = fieldsOf(step.visit);
      const earlier =
        step.visit.returnOf === null ? undefined : logged[step.visit.returnOf % Math.max(logged.length, 1)];
      if (earlier?.followUpCode) body.followUpCode = earlier.followUpCode;
      const answer = await client.post<SupportCase>('/api/cases', body);
      if (answer.status === 201) {
        logged.push(answer.body);
        accepted++;
      }
      return;
    }
    const target = logged[step.pick % Math.max(logged.length, 1)];
    if (!target) return;
    const current = await manager.get<SupportCase>(`/api/cases/${target.id}`);
    const version = current.body.version;
    const answer =
      step.kind === 'edit'
        ? await client.request<SupportCase>('PATCH', `/api/cases/${target.id}`, {
            ...fieldsOf(step.visit),
            version,
          } satisfies UpdateCaseRequest)
        : step.kind === 'finish'
          ? await client.post<SupportCase>(`/api/cases/${target.id}/finish`, {
              version,
              outcome: step.completed ? 'completed' : 'not_completed',
              reason: step.completed ? null : (REASON_CODES[step.reason] ?? null),
              confirm: true,
            })
          : await client.post<SupportCase>(`/api/cases/${target.id}/${step.kind}`, { version });
    if (answer.status === 200) accepted++;
  }

  /** Every route over HTTP (the counters) against the same question recounted from the cases. */
  async function compare(query: StatsRangeQuery): Promise<void> {
    const search = new URLSearchParams(
      Object.entries(query)
        .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
        .map(([k, v]) => [k, String(v)]),
    );
    for (const route of ROUTES) {
      const kept = await manager.get<unknown>(`/api/stats/${route}?${search.toString()}`);
      expect(kept.status).toBe(200);
      const recounted = JSON.parse(JSON.stringify(await stats[route](query, true))) as unknown;
      expect({ route, query, answer: kept.body }).toEqual({ route, query, answer: recounted });
    }
  }

  it('give every statistics route the figures a straight count of the cases gives', async () => {
    const ranges: [string, string][] = [
      ['2020-10-01', '2020-11-30'], // two whole months
      ['2020-10-30', '2020-11-02'], // only days, across the month's end
      ['2020-10-01', '2020-11-03'], // a whole month and days after it
      ['2020-10-29', '2020-11-30'], // days before a whole month
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.array(stepArbitrary, { minLength: 1, maxLength: 12 }),
        fc.constantFrom(...ranges),
        fc.constantFrom<(s: PaymentService[]) => Partial<StatsRangeQuery>>(
          () => ({}),
          () => ({ siteId: 1 }),
          () => ({ staff: 'staff02' }),
          (s) => ({ paymentServiceId: s[0]?.id ?? 1 }),
          () => ({ channel: 'phone' }),
          () => ({ ageBand: '40to64' }),
          () => ({ staff: 'nobody-here' }),
        ),
        async (steps, [from, to], filter) => {
          for (const step of steps) await apply(step);
          await compare({ from, to, ...filter(services) });
        },
      ),
      { numRuns: 40 },
    );
    // The sequences must have written something for the comparison to mean anything.
    expect(accepted).toBeGreaterThan(100);
  });

  it('are found equal to the cases by a rebuild after all those writes', async () => {
    // As `npm run rollups:rebuild` does, on its own connection beside the running server.
    const dataSource = await openDatabase(databaseTarget(loadSettings({ ...server.database.env })));
    try {
      const result = await rebuildRollups(dataSource.manager);
      expect(result.cases).toBe(logged.length);
      expect(result.differed).toBe(0);
      // Wrong one counter by hand: the next rebuild finds it and puts it right.
      await server.sql(
        `UPDATE "stats_rollup" SET "n" = "n" + 1 WHERE "facet" = 'all' AND "kind" = 'status' AND "grain" = 1`,
      );
      expect((await rebuildRollups(dataSource.manager)).differed).toBeGreaterThan(0);
      expect((await rebuildRollups(dataSource.manager)).differed).toBe(0);
    } finally {
      await dataSource.destroy();
    }
  });
});
