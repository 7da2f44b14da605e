import type {
  AgeBand,
  ApiTokenScope,
  ApiTokenState,
  AuditAction,
  AuditEntityType,
  CaseOutcome,
  CaseStatus,
  Channel,
  Labelled,
  OutageKind,
  OutageSystem,
  PaymentServiceKind,
  PlatformFunction,
  Procedure,
  ReasonCode,
  ReferralPlace,
  Representative,
  Role,
  StorageFault,
} from './code-lists';

/** Instants are UTC ISO-8601 strings; dates are Asia/Tokyo calendar days as YYYY-MM-DD. */
export type IsoInstant = string;
export type TokyoDate = string;

export interface UserSummary {
  username: string;
  displayName: string;
  role: Role;
}

export interface LoginRequest {
  username: string;
  password: string;
}

export interface LoginResponse {
  token: string;
  user: UserSummary;
}

export interface SupportCase {
  id: number;
  siteId: number;
  staffUsername: string | null;
  channel: Channel;
  procedure: Procedure;
  ageBand: AgeBand | null;
  representative: Representative;
  paymentServiceId: number | null;
  status: CaseStatus;
  arrivedAt: IsoInstant;
  startedAt: IsoInstant | null;
  endedAt: IsoInstant | null;
  /** What was completed on the platform; empty unless the case is `completed` (an inquiry completes nothing). */
  completed: PlatformFunction[];
  /** The citizen already had a MyKey ID, so only the application was done. */
  alreadyReserved: boolean;
  reason: ReasonCode | null;
  note: string | null;
  /** When 市民課 renewed or issued the certificate, for `cert_wait_24h`: the wait counts from it. */
  certRenewedAt: IsoInstant | null;
  /** Printed on the return slip of a `not_completed` case; null otherwise. */
  followUpCode: string | null;
  /** The earlier visit this one follows up, linked by its follow-up code. */
  previousCaseId: number | null;
  /** The day's ticket handed at reception (`A-012`); null for a phone case or one logged after the fact. */
  ticket: string | null;
  /** The counter (窓口番号) the citizen was called to when the case was started. */
  counter: number | null;
  version: number;
  createdAt: IsoInstant;
  updatedAt: IsoInstant;
}

/** Everything but `procedure` is optional so that a waiting arrival and a whole past case use the same call. */
export interface CreateCaseRequest {
  siteId?: number;
  channel?: Channel;
  procedure: Procedure;
  ageBand?: AgeBand | null;
  representative?: Representative;
  paymentServiceId?: number | null;
  status?: CaseStatus;
  arrivedAt?: IsoInstant;
  startedAt?: IsoInstant | null;
  endedAt?: IsoInstant | null;
  completed?: PlatformFunction[];
  alreadyReserved?: boolean;
  reason?: ReasonCode | null;
  note?: string | null;
  /** Only with the reason `cert_wait_24h`: when 市民課 renewed or issued the certificate. */
  certRenewedAt?: IsoInstant | null;
  /** The code on the slip of an earlier visit: links this case to it. */
  followUpCode?: string;
}

/** A correction of a case: `version` is the one the screen showed; a field left out keeps its value, null clears it. */
export interface UpdateCaseRequest {
  version: number;
  siteId?: number;
  channel?: Channel;
  procedure?: Procedure;
  ageBand?: AgeBand | null;
  representative?: Representative;
  paymentServiceId?: number | null;
  status?: CaseStatus;
  arrivedAt?: IsoInstant;
  startedAt?: IsoInstant | null;
  endedAt?: IsoInstant | null;
  completed?: PlatformFunction[];
  alreadyReserved?: boolean;
  reason?: ReasonCode | null;
  note?: string | null;
  /** Only with the reason `cert_wait_24h`; cleared when the reason changes to another one. */
  certRenewedAt?: IsoInstant | null;
  /** Links the case to an earlier visit; null removes the link. */
  followUpCode?: string | null;
}

/** Body of start and leave: the version the screen showed, if it wants a stale screen refused. */
export interface CaseTransitionRequest {
  version?: number;
}

/** Body of start: also the counter the citizen is called to, shown and said on the waiting-room display. */
export interface StartCaseRequest extends CaseTransitionRequest {
  counter?: number;
}

export interface FinishCaseRequest extends CaseTransitionRequest {
  outcome: CaseOutcome;
  /** Defaults to every step of the procedure for a completed case, none for a not completed one. */
  completed?: PlatformFunction[];
  reason?: ReasonCode | null;
  note?: string | null;
  paymentServiceId?: number | null;
  alreadyReserved?: boolean;
  /** Only with the reason `cert_wait_24h`: when 市民課 renewed or issued the certificate. */
  certRenewedAt?: IsoInstant | null;
  /** True once staff confirmed `platform_maintenance` although no recorded outage stops the procedure. */
  confirm?: boolean;
}

/** What a printed return slip says to a citizen whose case ended `not_completed`. */
export interface ReturnSlip {
  caseId: number;
  followUpCode: string;
  siteName: string;
  procedure: Procedure;
  procedureLabel: Labelled;
  endedAt: IsoInstant;
  /** The certificate renewal the wait counts from, when recorded (reason `cert_wait_24h`). */
  certRenewedAt: IsoInstant | null;
  reason: ReasonCode;
  reasonLabel: Labelled;
  /** Where to go first to fix what stood in the way; null when nothing needs fixing elsewhere. */
  referTo: ReferralPlace | null;
  referToLabel: Labelled | null;
  /** What the rules say about the reason (and anything else in the way at the end of the visit). */
  advice: Labelled[];
  /** What to bring at the next visit. */
  toBring: Labelled[];
  paymentService: { id: number; name: string } | null;
  /** First instant the desk can help again; null when the citizen must act first or no end is known. */
  earliestReturnAt: IsoInstant | null;
  /** One line on when to come back, whether or not an instant is known. */
  comeBack: Labelled;
}

/** Body of a 409 `stale-version` problem: the record as it is now, so that the screen can show what changed. */
export interface StaleVersionProblem<T> extends ProblemDetails {
  current: T;
}

/**
 * Who and what a count is about, besides its days: every statistics route and the case list accept it, so a number
 * on the dashboard and the case list behind it select the same cases.
 */
export interface CaseFilter {
  siteId?: number;
  /** Username of the staff member recorded on the case. */
  staff?: string;
  paymentServiceId?: number;
  channel?: Channel;
  ageBand?: AgeBand;
}

/** Which cases a funnel or return-visit number counts; see `GET /api/stats/funnel` for the rule of each. */
export const CASE_SEGMENTS = [
  'reservationAttempted',
  'reservationDone',
  'applicationAttempted',
  'applicationDone',
  'alreadyReserved',
  'returnVisit',
  'returnVisitCompleted',
] as const;
export type CaseSegment = (typeof CASE_SEGMENTS)[number];

/** The desk's own settings every signed-in screen may need. */
export interface DeskSettings {
  /** Citizens waiting longer than this are marked on the board; the dashboard shows the share served within it. */
  waitTargetMinutes: number;
}

export interface CaseListQuery extends CaseFilter {
  /** Days on arrival, both included; without either bound the list covers every day on that side. */
  from?: TokyoDate;
  to?: TokyoDate;
  status?: CaseStatus;
  procedure?: Procedure;
  reason?: ReasonCode;
  /** A case number (`123` or `#123`) or a follow-up code from a return slip. */
  q?: string;
  /** Tokyo hour of arrival, 0–23. */
  hour?: number;
  /** Tokyo weekday of arrival, 1 = Monday … 7 = Sunday. */
  weekday?: number;
  segment?: CaseSegment;
  /** Cases an outage turned away (see `turnedAwayBy` in the rules library). */
  turnedAwayBy?: number;
  /** Cases that arrived while this outage went on (an ongoing one up to now), whatever became of them. */
  arrivedDuring?: number;
  /** Cases that arrived while any outage went on, within `from`..`to`: the statistics' "during outages". */
  duringOutages?: boolean;
  page?: number;
  pageSize?: number;
}

/** A case with what happened to it and the visits around it. */
export interface CaseHistory {
  /** Audit entries of the case, oldest first. */
  entries: AuditEntry[];
  /** The earlier visit this one follows up. */
  previous: SupportCase | null;
  /** Later visits that follow this one up, earliest first. */
  following: SupportCase[];
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface PaymentService {
  id: number;
  name: string;
  kind: PaymentServiceKind;
  /** Listed as 「手続スポットから申込み」: the city's terminal can apply for it. */
  appliesAtSpot: boolean;
  /** The service needs the citizen's own web registration before applying. */
  requiresPreRegistration: boolean;
  requiredItems: string[];
}

/** A payment service as the catalogue keeps it, inactive ones included. */
export interface PaymentServiceEntry extends PaymentService {
  active: boolean;
}

export interface CreatePaymentServiceRequest {
  name: string;
  kind: PaymentServiceKind;
  appliesAtSpot: boolean;
  requiresPreRegistration: boolean;
  requiredItems: string[];
  active?: boolean;
}

export type UpdatePaymentServiceRequest = Partial<CreatePaymentServiceRequest>;

export interface Site {
  id: number;
  code: string;
  name: string;
}

export interface CreateSiteRequest {
  code: string;
  name: string;
}

export type UpdateSiteRequest = Partial<CreateSiteRequest>;

/** A staff account as admins see it; never its password or hash. */
export interface Account {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  disabled: boolean;
  siteId: number | null;
  createdAt: IsoInstant;
  updatedAt: IsoInstant;
}

export interface CreateAccountRequest {
  username: string;
  displayName: string;
  role: Role;
  password: string;
  siteId?: number | null;
}

export interface UpdateAccountRequest {
  displayName?: string;
  role?: Role;
  disabled?: boolean;
  siteId?: number | null;
}

export interface ResetPasswordRequest {
  password: string;
}

/** A read-only API token for a machine (Grafana, Power Query), as admins see it; never its secret or hash. */
export interface ApiToken {
  id: number;
  name: string;
  scopes: ApiTokenScope[];
  /** The first characters of the secret (`mdg_` and 8 more), to tell tokens apart; not enough to use one. */
  prefix: string;
  state: ApiTokenState;
  /** Username of the admin who created it. */
  createdBy: string;
  createdAt: IsoInstant;
  expiresAt: IsoInstant;
  revokedAt: IsoInstant | null;
  lastUsedAt: IsoInstant | null;
}

export interface CreateApiTokenRequest {
  name: string;
  scopes: ApiTokenScope[];
  /** Days from now until it expires, 1–365; 90 when left out. */
  days?: number;
}

/** The answer to a creation: the only time the secret is ever shown. */
export interface CreatedApiToken extends ApiToken {
  /** Send as `Authorization: Bearer <secret>`. Only its SHA-256 is stored, so it cannot be shown again. */
  secret: string;
}

/** One line of the audit log: who did what to which record, with the record before and after. */
export interface AuditEntry {
  id: number;
  at: IsoInstant;
  actorUsername: string;
  action: AuditAction;
  entityType: AuditEntityType;
  entityId: number;
  /** The record as the API showed it before the change; null for a creation. */
  before: unknown;
  /** The record as the API showed it after the change; null for a deletion. */
  after: unknown;
}

export interface AuditQuery {
  from?: TokyoDate;
  to?: TokyoDate;
  entityType?: AuditEntityType;
  entityId?: number;
  /** Username of whoever made the change. */
  actor?: string;
  page?: number;
  pageSize?: number;
}

export interface Outage {
  id: number;
  system: OutageSystem;
  paymentServiceId: number | null;
  kind: OutageKind;
  startsAt: IsoInstant;
  endsAt: IsoInstant | null;
  affects: PlatformFunction[];
  note: string | null;
  version: number;
}

export interface CreateOutageRequest {
  system: OutageSystem;
  /** Required when `system` is `payment_service`, refused otherwise. */
  paymentServiceId?: number | null;
  kind: OutageKind;
  startsAt: IsoInstant;
  /** Empty while the outage is ongoing. */
  endsAt?: IsoInstant | null;
  affects: PlatformFunction[];
  note?: string | null;
}

/** End, correct or reclassify an outage; `version` is the one the screen showed. */
export interface UpdateOutageRequest {
  version: number;
  system?: OutageSystem;
  paymentServiceId?: number | null;
  kind?: OutageKind;
  startsAt?: IsoInstant;
  endsAt?: IsoInstant | null;
  affects?: PlatformFunction[];
  note?: string | null;
}

/** Outages overlapping the Asia/Tokyo days from..to (both included). */
export interface OutageListQuery {
  from?: TokyoDate;
  to?: TokyoDate;
  page?: number;
  pageSize?: number;
}

/** What the counter's banner shows: outages going on now and those announced for later today. */
export interface ActiveOutages {
  at: IsoInstant;
  active: Outage[];
  laterToday: Outage[];
}

/** The cases that arrived during an outage. */
export interface OutageCasesPage extends Page<SupportCase> {
  outage: Outage;
  /** Of `total`, how many this outage turned away (the rules library's `turnedAwayBy`). */
  turnedAway: number;
}

/**
 * What a monitor polls. `ok`: reads and writes work. `degraded`: up and reading, but a write cannot be stored now
 * (`writeFault` says why). `error`: the database cannot be read. Anything but `ok` answers 503.
 */
export interface Health {
  status: 'ok' | 'degraded' | 'error';
  database: 'up' | 'down';
  writes: 'ok' | 'failing';
  writeFault: StorageFault | null;
  migrations: 'current' | 'pending';
  version: string;
}

/** RFC 9457 problem details, with the offending fields for validation errors. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  errors?: { field: string; message: string }[];
  /** RFC 9457 extension members, such as `current` on a stale version or `retryAfter` when throttled. */
  [extension: string]: unknown;
}
