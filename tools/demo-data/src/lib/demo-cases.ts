import type {
  AgeBand,
  CaseStatus,
  Channel,
  PlatformFunction,
  Procedure,
  ReasonCode,
  Representative,
} from '@madoguchi/contracts';
import { deskHoursOn, functionsOf } from '@madoguchi/rules';
import {
  ANNEX_PERIOD,
  ANNEX_SITE,
  DEMO_OUTAGES,
  MAIN_SITE,
  PAYMENT_SERVICE_PROFILES,
  STAFF_PROFILES,
  type DemoOutage,
} from './catalogue';
import {
  ALREADY_RESERVED_NOTE,
  COMPLETED_NOTES,
  INQUIRY_NOTES,
  LEFT_NOT_PRESENT_NOTE,
  LEFT_WAIT_NOTE,
  OTHER_NOTES,
  PAYMENT_OUTAGE_NOTE,
  PROXY_NOTE,
  REFERRAL_NOTES,
} from './notes';
import { mixSeed, Random, WeightedTable } from './random';
import { FOLLOW_UP_CODE_SPACE, FollowUpCodes, RETURN_PLANS, ReturnSchedule, type PendingReturn } from './return-visits';
import { ordinalOf, planDays, type DeskCalendar, type DeskDay } from './volume';

export interface DemoOptions {
  /** Same seed and options, same cases: default 20200701. */
  seed?: number;
  /** Exact number of cases in total: default 20000. */
  cases?: number;
  /** Largest batch yielded: default 1000. */
  batchSize?: number;
  /** First Tokyo day, 'YYYY-MM-DD': default '2020-07-01', when applications opened. */
  from?: string;
  /** Last Tokyo day, 'YYYY-MM-DD': default '2021-12-28', the desk's last day before the 2021-12-31 deadline. */
  to?: string;
}

/** A finished past case as the API's seeding takes it: instants are UTC ISO-8601 with milliseconds. */
export interface DemoCase {
  siteCode: string;
  staffUsername: string | null;
  channel: Channel;
  procedure: Procedure;
  ageBand: AgeBand;
  representative: Representative;
  paymentServiceName: string | null;
  status: CaseStatus;
  arrivedAt: string;
  startedAt: string | null;
  endedAt: string | null;
  completed: PlatformFunction[];
  alreadyReserved: boolean;
  reason: ReasonCode | null;
  note: string | null;
  /** Printed on the return slip of a case that ended not completed; unique in the run. */
  followUpCode: string | null;
  /** On a return visit: the 1-based position, in the whole output, of the visit it follows up. */
  previousSeq: number | null;
}

export const DEMO_DEFAULTS: Readonly<Required<DemoOptions>> = {
  seed: 20200701,
  cases: 20000,
  batchSize: 1000,
  from: '2020-07-01',
  to: '2021-12-28',
};

/**
 * Past cases of the Chigasaki desk, day by day in arrival order, in batches of at most `batchSize`; only one day, one
 * batch and the return visits still to come are held at a time, so a million cases stream in bounded memory.
 */
export function* generateDemoCases(options: DemoOptions = {}): Generator<DemoCase[]> {
  yield* generateDemoCasesWith(options, new ReturnSchedule());
}

/** `generateDemoCases` with the schedule of pending return visits passed in, so that tests can watch its size. */
export function* generateDemoCasesWith(options: DemoOptions, schedule: ReturnSchedule): Generator<DemoCase[]> {
  const settings = resolveOptions(options);
  const days = planDays(settings.from, settings.to, settings.cases, settings.seed, deskCalendar);
  const iso = isoFormatter();
  const codes = new FollowUpCodes(settings.seed);
  let seq = 0;
  let batch: DemoCase[] = [];
  for (const [d, day] of days.entries()) {
    // Returns take the place of some of the day's new arrivals, so the total stays exactly what was asked for.
    const returning = schedule.take(d, day.cases);
    if (day.cases === 0) continue;
    // A stream of its own, so that who comes back does not shift the day's other draws.
    const comeback = new Random(mixSeed(settings.seed, RETURN_SALT + day.ordinal));
    for (const demoCase of generateDay(day, settings.seed, iso, returning)) {
      seq++;
      if (demoCase.status === 'not_completed') {
        demoCase.followUpCode = codes.codeOf(seq);
        const plan = demoCase.reason ? RETURN_PLANS[demoCase.reason] : undefined;
        if (plan && comeback.chance(plan.share)) {
          const later = d + openDaysLater(plan.maxOpenDays, comeback);
          if (later < days.length) schedule.add(later, pendingReturn(demoCase, seq));
        }
      }
      batch.push(demoCase);
      if (batch.length === settings.batchSize) {
        yield batch;
        batch = [];
      }
    }
  }
  if (batch.length) yield batch;
}

const RETURN_SALT = 0x1b873593;

/** 1 to `max` open days, most of them soon: people come back once the errand at 市民課 or the wait is done. */
function openDaysLater(max: number, random: Random): number {
  return 1 + Math.floor(max * random.coarse() ** 1.6);
}

const AT_SPOT = new Set(PAYMENT_SERVICE_PROFILES.filter((s) => s.appliesAtSpot).map((s) => s.name));

/** What a citizen sent away brings back: an application only when the reservation was already done. */
function pendingReturn(demoCase: DemoCase, seq: number): PendingReturn {
  const procedure = demoCase.completed.includes('reservation') ? 'application' : demoCase.procedure;
  const service = demoCase.paymentServiceName;
  return {
    previousSeq: seq,
    ageBand: demoCase.ageBand,
    procedure,
    siteCode: demoCase.siteCode,
    paymentServiceName: procedure !== 'reservation' && service && AT_SPOT.has(service) ? service : null,
  };
}

const deskCalendar: DeskCalendar = (date) => deskHoursOn(date);

function resolveOptions(options: DemoOptions): Required<DemoOptions> {
  const settings = { ...DEMO_DEFAULTS, ...withoutUndefined(options) };
  const { seed, cases, batchSize, from, to } = settings;
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
  if (!Number.isSafeInteger(cases) || cases < 0) throw new RangeError(`cases must be a whole number, got ${cases}`);
  if (!Number.isSafeInteger(batchSize) || batchSize < 1) {
    throw new RangeError(`batchSize must be a positive integer, got ${batchSize}`);
  }
  for (const date of [from, to]) {
    const parsed = Date.parse(`${date}T00:00:00Z`);
    // The round trip catches days that do not exist, such as 2021-02-30.
    if (
      !/^\d{4}-\d{2}-\d{2}$/.test(date) ||
      Number.isNaN(parsed) ||
      new Date(parsed).toISOString().slice(0, 10) !== date
    ) {
      throw new RangeError(`from and to must be days written YYYY-MM-DD, got ${date}`);
    }
  }
  if (from > to) throw new RangeError(`from (${from}) is after to (${to})`);
  if (cases > FOLLOW_UP_CODE_SPACE) throw new RangeError(`cases must be at most ${FOLLOW_UP_CODE_SPACE}, got ${cases}`);
  return settings;
}

function withoutUndefined(options: DemoOptions): DemoOptions {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined));
}

// ---------------------------------------------------------------------------------------------------------------
// Who comes, and for what

const AGE_TABLE = new WeightedTable<AgeBand>([
  ['under15', 4],
  ['15to19', 3],
  ['20to39', 12],
  ['40to64', 26],
  ['65to74', 27],
  ['75plus', 28],
]);

const INQUIRY_SHARE = 0.08;
const PHONE_SHARE_OF_INQUIRIES = 0.7;
const ANNEX_SHARE = 0.3;
const APPLICATIONS_OPEN_SHIFT = [ordinalOf('2020-07-15'), ordinalOf('2020-10-15')] as const;
const LATE_WAVE_FROM = ordinalOf('2021-10-01');

/**
 * At first most citizens came to reserve (or to do both); once many had reserved at home, more came only to apply.
 * The late-2021 wave brought newly issued cards, hence more `both` again.
 */
function procedureTable(ordinal: number): WeightedTable<Procedure> {
  const [shiftStart, shiftEnd] = APPLICATIONS_OPEN_SHIFT;
  const p = Math.min(1, Math.max(0, (ordinal - shiftStart) / (shiftEnd - shiftStart)));
  const late = ordinal >= LATE_WAVE_FROM;
  const terminal = 1 - INQUIRY_SHARE;
  const reservation = late ? 0.14 : 0.36 - 0.22 * p;
  const both = late ? 0.45 : 0.4 - 0.1 * p;
  const application = late ? 0.41 : 0.24 + 0.32 * p;
  const sum = reservation + both + application;
  return new WeightedTable<Procedure>([
    ['reservation', (terminal * reservation) / sum],
    ['both', (terminal * both) / sum],
    ['application', (terminal * application) / sum],
    ['inquiry', INQUIRY_SHARE],
  ]);
}

interface Draft {
  arrival: number;
  channel: Channel;
  procedure: Procedure;
  ageBand: AgeBand;
  representative: Representative;
  siteCode: string;
  /** Someone acting for a holder aged 15 or over: the seed says this is refused. */
  proxy: boolean;
  /** A return visit: the sequence number of the visit it follows up. */
  previousSeq: number | null;
  /** The service a returning citizen comes to apply to. */
  service: string | null;
}

function draftCase(arrival: number, day: DeskDay, procedures: WeightedTable<Procedure>, random: Random): Draft {
  const procedure = procedures.pick(random);
  const channel: Channel = procedure === 'inquiry' && random.chance(PHONE_SHARE_OF_INQUIRIES) ? 'phone' : 'counter';
  const ageBand = AGE_TABLE.pick(random);
  const usesTerminal = channel === 'counter' && procedure !== 'inquiry';
  // Family members trying to act for an elderly parent were the usual proxy attempts.
  const proxy = usesTerminal && ageBand !== 'under15' && random.chance(ageBand === '75plus' ? 0.025 : 0.008);
  const annexOpen = day.date >= ANNEX_PERIOD.from && day.date <= ANNEX_PERIOD.to;
  return {
    arrival,
    channel,
    procedure,
    ageBand,
    // Seed: a holder under 15 may be represented; the legal representative does the procedure.
    representative: ageBand === 'under15' || proxy ? 'legal_representative' : 'self',
    siteCode: channel === 'counter' && annexOpen && random.chance(ANNEX_SHARE) ? ANNEX_SITE.code : MAIN_SITE.code,
    proxy,
    previousSeq: null,
    service: null,
  };
}

/** A citizen back with the follow-up slip: the holder in person, at the counter, at the same site if it is open. */
function returnDraft(arrival: number, day: DeskDay, visit: PendingReturn): Draft {
  const annexOpen = day.date >= ANNEX_PERIOD.from && day.date <= ANNEX_PERIOD.to;
  return {
    arrival,
    channel: 'counter',
    procedure: visit.procedure,
    ageBand: visit.ageBand,
    // Seed: only a holder under 15 may be represented.
    representative: visit.ageBand === 'under15' ? 'legal_representative' : 'self',
    siteCode: visit.siteCode === ANNEX_SITE.code && annexOpen ? ANNEX_SITE.code : MAIN_SITE.code,
    proxy: false,
    previousSeq: visit.previousSeq,
    service: visit.paymentServiceName,
  };
}

/** Arrival instants (epoch seconds) inside the open hours, denser where the half-hour profile is higher. */
function drawArrivals(day: DeskDay, random: Random): Float64Array {
  const arrivals = new Float64Array(day.cases);
  if (day.cases === 0) return arrivals;
  const bins = new WeightedTable(day.bins.map((bin) => [bin, bin.weight] as const));
  for (let i = 0; i < day.cases; i++) {
    const bin = bins.pick(random);
    // Whole seconds, strictly before the bin's end, so that nobody arrives at closing time.
    arrivals[i] = bin.start + Math.floor(random.coarse() * (bin.end - bin.start));
  }
  return arrivals.sort();
}

// ---------------------------------------------------------------------------------------------------------------
// Who serves

interface Roster {
  /** Usernames in the order they are put on a counter: people at work first. */
  order: string[];
  present: number;
}

function rosterFor(random: Random): Roster {
  const keyed = STAFF_PROFILES.map((profile) => ({
    username: profile.username,
    present: random.chance(profile.presence),
    // Efraimidis–Spirakis keys: a weighted random order in one pass.
    key: random.coarse() ** (1 / profile.priority),
  }));
  keyed.sort((a, b) => Number(b.present) - Number(a.present) || b.key - a.key);
  return { order: keyed.map((entry) => entry.username), present: keyed.filter((entry) => entry.present).length };
}

/** Rough handling minutes used to decide how many counters a day needs, not to time any one case. */
const PLANNED_MINUTES: Readonly<Record<Procedure, number>> = { reservation: 9, application: 12, both: 16, inquiry: 5 };
/**
 * Planned minutes of work per counter-minute open. Above 1 at the peak: the desk could not open counters as fast as
 * the September rush grew, which is where the long waits and the citizens who gave up come from.
 */
const PLANNED_LOAD_QUIET = 0.5;
const PLANNED_LOAD_PEAK = 1.12;

/** The draft at one of the indexes a queue holds into the day's drafts. */
function draftAt(drafts: readonly Draft[], i: number): Draft {
  const draft = drafts[i];
  if (!draft) throw new RangeError(`The day has no draft ${i}.`);
  return draft;
}

/** Counters opened at a site: enough for the day's expected work, run hotter on the busy days of the rush. */
function countersFor(drafts: readonly Draft[], indexes: readonly number[], day: DeskDay, minimum: number): number {
  let minutes = 0;
  for (const i of indexes) minutes += PLANNED_MINUTES[draftAt(drafts, i).procedure];
  const load = PLANNED_LOAD_QUIET + (PLANNED_LOAD_PEAK - PLANNED_LOAD_QUIET) * Math.min(1, day.level);
  return Math.max(minimum, Math.ceil(minutes / ((day.openSeconds / 60) * load)));
}

// ---------------------------------------------------------------------------------------------------------------
// How it ends

interface TimedOutage {
  outage: DemoOutage;
  start: number;
  end: number;
}

const OUTAGES: readonly TimedOutage[] = DEMO_OUTAGES.map((outage) => ({
  outage,
  start: Date.parse(outage.startsAt) / 1000,
  end: outage.endsAt ? Date.parse(outage.endsAt) / 1000 : Number.POSITIVE_INFINITY,
}));

function outageAt(instant: number, system: DemoOutage['system'], needs: readonly PlatformFunction[], service?: string) {
  return OUTAGES.some(
    ({ outage, start, end }) =>
      outage.system === system &&
      instant >= start &&
      instant < end &&
      (service === undefined || outage.paymentServiceName === service) &&
      outage.affects.some((f) => needs.includes(f)),
  );
}

const FAILURE_SHARE_EARLY = 0.2;
const FAILURE_SHARE_LATER = 0.155;
/** A citizen coming back has fixed what stopped them; some still fail (another reason, or the same again). */
const FAILURE_SHARE_RETURNING = 0.09;
/** Failures found only at the application step: a `both` case has done its reservation by then. */
const APPLICATION_STEP_REASONS: ReadonlySet<ReasonCode> = new Set(['service_prereg_required', 'service_items_missing']);
const SETTLED_FROM = ordinalOf('2020-09-01');
const YEAR_2021 = ordinalOf('2021-01-01');

/** PIN trouble tops every desk's list; the service-related ones apply only where an application is attempted. */
const REASON_WEIGHTS: readonly (readonly [ReasonCode, number, 'any' | 'application'])[] = [
  ['pin_forgotten', 20, 'any'],
  ['pin_locked', 16, 'any'],
  ['service_not_at_spot', 15, 'application'],
  ['cert_wait_24h', 9, 'any'],
  ['card_not_brought', 8, 'any'],
  ['service_prereg_required', 8, 'application'],
  ['service_items_missing', 7, 'application'],
  ['cert_expired', 5, 'any'],
  ['cert_not_issued', 4, 'any'],
  ['other', 3, 'any'],
];

function reasonTable(withApplication: boolean, in2021: boolean): WeightedTable<ReasonCode> {
  return new WeightedTable(
    REASON_WEIGHTS.filter(([, , scope]) => withApplication || scope === 'any').map(([code, weight]) => [
      code,
      // The first cards (issued from January 2016) carried certificates valid to the fifth birthday: they began
      // to expire in 2021.
      code === 'cert_expired' && in2021 ? weight * 3 : weight,
    ]),
  );
}

const REASON_TABLES = {
  reservation2020: reasonTable(false, false),
  reservation2021: reasonTable(false, true),
  application2020: reasonTable(true, false),
  application2021: reasonTable(true, true),
};

const byPopularity = (filter: (s: (typeof PAYMENT_SERVICE_PROFILES)[number]) => boolean) =>
  new WeightedTable(PAYMENT_SERVICE_PROFILES.filter(filter).map((s) => [s.name, s.popularity] as const));

const SERVICES = {
  /** What citizens ask for, whether or not the desk can apply for it. */
  wished: byPopularity(() => true),
  /** What the city's terminal can apply for: 「手続スポットから申込み」. */
  atSpot: byPopularity((s) => s.appliesAtSpot),
  notAtSpot: byPopularity((s) => !s.appliesAtSpot),
  preRegistered: byPopularity((s) => s.appliesAtSpot && s.requiresPreRegistration),
};

/** Median handling minutes of a completed case; elderly citizens take a little longer. */
const COMPLETED_MINUTES: Readonly<Record<Procedure, number>> = {
  reservation: 10,
  application: 13,
  both: 19,
  inquiry: 5,
};
const AGE_PACE: Readonly<Record<AgeBand, number>> = {
  under15: 1.1,
  '15to19': 0.9,
  '20to39': 0.85,
  '40to64': 0.95,
  '65to74': 1.1,
  '75plus': 1.25,
};
/** Median minutes before a failure is clear: a forgotten card shows at once, a service's missing item much later. */
const FAILURE_MINUTES: Readonly<Record<ReasonCode, number>> = {
  cert_wait_24h: 4,
  cert_expired: 4,
  cert_not_issued: 4,
  pin_locked: 6,
  pin_forgotten: 5,
  proxy_not_allowed: 3.5,
  card_not_brought: 2,
  service_not_at_spot: 6,
  service_prereg_required: 7,
  service_items_missing: 8,
  platform_maintenance: 3,
  terminal_fault: 5,
  payment_service_down: 6,
  other: 9,
};

interface Outcome {
  status: 'completed' | 'not_completed';
  reason: ReasonCode | null;
  completed: PlatformFunction[];
  alreadyReserved: boolean;
  paymentServiceName: string | null;
  note: string | null;
  seconds: number;
}

function minutesToSeconds(minutes: number, min: number, max: number): number {
  return Math.round(Math.min(max, Math.max(min, minutes)) * 60);
}

function failure(
  reason: ReasonCode,
  service: string | null,
  note: string | null,
  random: Random,
  completed: PlatformFunction[] = [],
): Outcome {
  return {
    status: 'not_completed',
    reason,
    completed,
    alreadyReserved: false,
    paymentServiceName: service,
    note,
    seconds: minutesToSeconds(random.logNormal(FAILURE_MINUTES[reason], 0.35), 1, 20),
  };
}

/** How a case served at the counter ends, judged when service starts. */
function outcomeOf(draft: Draft, start: number, ordinal: number, random: Random): Outcome {
  const { procedure } = draft;
  if (procedure === 'inquiry') {
    return {
      status: 'completed',
      reason: null,
      completed: [],
      alreadyReserved: false,
      paymentServiceName: null,
      note: random.oneOf(INQUIRY_NOTES),
      seconds: minutesToSeconds(random.logNormal(5, 0.25), 2, 12),
    };
  }
  const applying = procedure !== 'reservation';
  const wished = applying ? (draft.service ?? SERVICES.wished.pick(random)) : null;
  if (draft.proxy) return failure('proxy_not_allowed', wished, PROXY_NOTE, random);

  // Staff tell anyone who arrived or is called during an outage that it cannot be done now.
  const needs = functionsOf(procedure);
  if (outageAt(draft.arrival, 'mykey_platform', needs) || outageAt(start, 'mykey_platform', needs)) {
    return failure('platform_maintenance', wished, referral('platform_maintenance', random), random);
  }
  if (outageAt(draft.arrival, 'terminal', needs) || outageAt(start, 'terminal', needs)) {
    return failure('terminal_fault', wished, referral('terminal_fault', random), random);
  }

  const failureShare =
    draft.previousSeq !== null
      ? FAILURE_SHARE_RETURNING
      : ordinal < SETTLED_FROM
        ? FAILURE_SHARE_EARLY
        : FAILURE_SHARE_LATER;
  if (random.chance(failureShare)) {
    const in2021 = ordinal >= YEAR_2021;
    const table = applying
      ? in2021
        ? REASON_TABLES.application2021
        : REASON_TABLES.application2020
      : in2021
        ? REASON_TABLES.reservation2021
        : REASON_TABLES.reservation2020;
    const reason = table.pick(random);
    const service =
      reason === 'service_not_at_spot'
        ? SERVICES.notAtSpot.pick(random)
        : reason === 'service_prereg_required'
          ? SERVICES.preRegistered.pick(random)
          : reason === 'service_items_missing'
            ? SERVICES.atSpot.pick(random)
            : wished;
    const note = reason === 'other' ? random.oneOf(OTHER_NOTES) : referral(reason, random);
    const partial: PlatformFunction[] =
      procedure === 'both' && APPLICATION_STEP_REASONS.has(reason) ? ['reservation'] : [];
    return failure(reason, service, note, random, partial);
  }

  // A completed application can only be for a service the terminal can apply for.
  const service = applying ? (draft.service ?? SERVICES.atSpot.pick(random)) : null;
  if (service && outageAt(start, 'payment_service', ['application'], service)) {
    // Only the link to the service failed: a `both` case has its reservation.
    return failure(
      'payment_service_down',
      service,
      PAYMENT_OUTAGE_NOTE,
      random,
      procedure === 'both' ? ['reservation'] : [],
    );
  }
  const alreadyReserved = procedure === 'both' && random.chance(0.12);
  const minutes = random.logNormal(COMPLETED_MINUTES[procedure] * AGE_PACE[draft.ageBand], 0.3);
  return {
    status: 'completed',
    reason: null,
    completed: functionsOf(procedure, alreadyReserved),
    alreadyReserved,
    paymentServiceName: service,
    note: alreadyReserved ? ALREADY_RESERVED_NOTE : random.chance(0.03) ? random.oneOf(COMPLETED_NOTES) : null,
    seconds: minutesToSeconds(alreadyReserved ? minutes * 0.7 : minutes, 4, 60),
  };
}

/** Staff write the referral in the note for about half the failures. */
function referral(reason: ReasonCode, random: Random): string | null {
  return random.chance(0.5) ? (REFERRAL_NOTES[reason] ?? null) : null;
}

// ---------------------------------------------------------------------------------------------------------------
// One day

/**
 * UTC ISO-8601 with milliseconds from epoch seconds; three per case make this the hottest call, so the date part is
 * reused while consecutive instants share a UTC day.
 */
function isoFormatter(): (seconds: number) => string {
  let cachedDay = Number.NaN;
  let prefix = '';
  const two = (n: number) => (n < 10 ? `0${n}` : `${n}`);
  return (seconds) => {
    const day = Math.floor(seconds / DAY_SECONDS);
    if (day !== cachedDay) {
      cachedDay = day;
      prefix = new Date(day * DAY_SECONDS * 1000).toISOString().slice(0, 11);
    }
    const inDay = seconds - day * DAY_SECONDS;
    return `${prefix}${two(Math.floor(inDay / 3600))}:${two(Math.floor(inDay / 60) % 60)}:${two(inDay % 60)}.000Z`;
  };
}

const DAY_SECONDS = 86_400;

/** Minutes a waiting citizen puts up with before leaving: nobody leaves in the first few minutes. */
const PATIENCE_FLOOR_MINUTES = 10;
const PATIENCE_MEAN_MINUTES = 75;
/** Some are simply not there when called, having stepped out. */
const NOT_THERE_WHEN_CALLED = 0.02;
const FORM_SECONDS = [30, 240] as const;

interface DayContext {
  day: DeskDay;
  random: Random;
  iso: (seconds: number) => string;
  drafts: readonly Draft[];
  cases: DemoCase[];
}

function generateDay(
  day: DeskDay,
  seed: number,
  iso: (seconds: number) => string,
  returns: readonly PendingReturn[],
): DemoCase[] {
  const random = new Random(mixSeed(seed, day.ordinal));
  const roster = rosterFor(random);
  const procedures = procedureTable(day.ordinal);
  const arrivals = drawArrivals(day, random);
  // Selection sampling spreads the returns over the day's arrival slots, each subset of slots equally likely.
  let unplaced = returns.length;
  const drafts = Array.from(arrivals, (arrival, i) =>
    unplaced > 0 && random.coarse() * (arrivals.length - i) < unplaced
      ? // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- `unplaced` counts down from returns.length to 1.
        returnDraft(arrival, day, returns[returns.length - unplaced--]!)
      : draftCase(arrival, day, procedures, random),
  );

  const main: number[] = [];
  const annex: number[] = [];
  const phone: number[] = [];
  drafts.forEach((draft, i) =>
    (draft.channel === 'phone' ? phone : draft.siteCode === ANNEX_SITE.code ? annex : main).push(i),
  );
  const mainCounters = countersFor(drafts, main, day, 2);
  const annexCounters = annex.length ? countersFor(drafts, annex, day, 1) : 0;
  const staffAt = (k: number) => {
    const username = roster.order[k % roster.order.length];
    if (username === undefined) throw new RangeError('A day has staff on its roster.');
    return username;
  };
  const mainStaff = Array.from({ length: mainCounters }, (_, k) => staffAt(k));
  const annexStaff = Array.from({ length: annexCounters }, (_, k) => staffAt(mainCounters + k));

  const context: DayContext = { day, random, iso, drafts, cases: new Array<DemoCase>(drafts.length) };
  serveQueue(context, main, mainStaff);
  serveQueue(context, annex, annexStaff);

  // Calls go to whoever is in the office but not on a counter, or to anyone present on a day when all are.
  const counters = mainCounters + annexCounters;
  const answerers =
    roster.present > counters
      ? roster.order.slice(counters, roster.present)
      : roster.order.slice(0, Math.max(1, roster.present));
  for (const i of phone) {
    const draft = draftAt(drafts, i);
    const start = draft.arrival + random.int(0, 45);
    const call = newCase(draft, iso);
    call.staffUsername = random.oneOf(answerers);
    call.status = 'completed';
    call.startedAt = iso(start);
    call.endedAt = iso(start + minutesToSeconds(random.logNormal(4.5, 0.3), 2, 12));
    call.note = random.oneOf(INQUIRY_NOTES);
    context.cases[i] = call;
  }
  return context.cases;
}

/** A case with the citizen's side filled in; one shape for every case keeps a million of them cheap. */
function newCase(draft: Draft, iso: (seconds: number) => string): DemoCase {
  return {
    siteCode: draft.siteCode,
    staffUsername: null,
    channel: draft.channel,
    procedure: draft.procedure,
    ageBand: draft.ageBand,
    representative: draft.representative,
    paymentServiceName: null,
    status: 'left',
    arrivedAt: iso(draft.arrival),
    startedAt: null,
    endedAt: null,
    completed: [],
    alreadyReserved: false,
    reason: null,
    note: null,
    followUpCode: null,
    previousSeq: draft.previousSeq,
  };
}

/**
 * One first-come-first-served queue in front of `staff.length` counters: waits come out of the queue itself, so
 * they grow where arrivals bunch up (late mornings, the September rush) and stay short when the desk is quiet.
 */
function serveQueue(
  { day, random, iso, drafts, cases }: DayContext,
  indexes: readonly number[],
  staff: string[],
): void {
  const counters = new Counters(staff.length);
  for (const i of indexes) {
    const draft = draftAt(drafts, i);
    const k = counters.nextFree();
    // Taking a number and filling in the form takes a few minutes before anyone can be called.
    const ready = draft.arrival + random.int(FORM_SECONDS[0], FORM_SECONDS[1]);
    const wait = Math.max(ready, counters.freeAt(k)) - draft.arrival;
    const demoCase = newCase(draft, iso);
    cases[i] = demoCase;

    if (draft.procedure !== 'inquiry' && !draft.proxy && wait > PATIENCE_FLOOR_MINUTES * 60) {
      const patience = Math.round((PATIENCE_FLOOR_MINUTES + random.exponential(PATIENCE_MEAN_MINUTES)) * 60);
      const notThere = wait <= patience && wait > 300 && random.chance(NOT_THERE_WHEN_CALLED);
      if (wait > patience || notThere) {
        demoCase.endedAt = iso(draft.arrival + (notThere ? wait : patience));
        demoCase.note = notThere ? LEFT_NOT_PRESENT_NOTE : random.chance(0.2) ? LEFT_WAIT_NOTE : null;
        continue;
      }
    }

    const start = draft.arrival + wait;
    const outcome = outcomeOf(draft, start, day.ordinal, random);
    const end = start + outcome.seconds;
    // Logging the case and calling the next number takes a moment.
    counters.occupyNext(end + random.int(15, 60));
    // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- there are staff.length counters, one each.
    demoCase.staffUsername = staff[k]!;
    demoCase.paymentServiceName = outcome.paymentServiceName;
    demoCase.status = outcome.status;
    demoCase.startedAt = iso(start);
    demoCase.endedAt = iso(end);
    demoCase.completed = outcome.completed;
    demoCase.alreadyReserved = outcome.alreadyReserved;
    demoCase.reason = outcome.reason;
    demoCase.note = outcome.note;
  }
}

/* eslint-disable @typescript-eslint/no-non-null-assertion -- counter numbers run 0 … count − 1 and every heap index
   is checked against its length. A site with nobody to serve may open no counter, so only `nextFree` checks. */
/** The counters of one site as a min-heap on when each is next free (ties to the lower counter), for big days. */
class Counters {
  private readonly free: number[];
  private readonly heap: number[];

  constructor(count: number) {
    this.free = new Array<number>(count).fill(0);
    // All free at once, in counter order, is already a valid heap.
    this.heap = Array.from({ length: count }, (_, k) => k);
  }

  nextFree(): number {
    const counter = this.heap[0];
    if (counter === undefined) throw new RangeError('No counter is open for the people waiting.');
    return counter;
  }

  freeAt(counter: number): number {
    return this.free[counter]!;
  }

  /** The counter `nextFree` returned is busy until `until`. */
  occupyNext(until: number): void {
    const { heap, free } = this;
    free[heap[0]!] = until;
    const before = (a: number, b: number) => free[a]! < free[b]! || (free[a] === free[b] && a < b);
    for (let i = 0; ;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let smallest = i;
      if (left < heap.length && before(heap[left]!, heap[smallest]!)) smallest = left;
      if (right < heap.length && before(heap[right]!, heap[smallest]!)) smallest = right;
      if (smallest === i) return;
      [heap[i], heap[smallest]] = [heap[smallest]!, heap[i]!];
      i = smallest;
    }
  }
}
/* eslint-enable @typescript-eslint/no-non-null-assertion */
