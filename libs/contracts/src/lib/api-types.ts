import type {
  AgeBand,
  CaseStatus,
  Channel,
  OutageKind,
  OutageSystem,
  PaymentServiceKind,
  PlatformFunction,
  Procedure,
  ReasonCode,
  Representative,
  Role,
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
}

export interface CaseListQuery {
  from?: TokyoDate;
  to?: TokyoDate;
  status?: CaseStatus;
  procedure?: Procedure;
  reason?: ReasonCode;
  page?: number;
  pageSize?: number;
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

export interface Site {
  id: number;
  code: string;
  name: string;
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
}

export interface Health {
  status: 'ok' | 'error';
  database: 'up' | 'down';
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
}
