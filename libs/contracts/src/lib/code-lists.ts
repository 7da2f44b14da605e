/** Code lists shared by the API, the UI, the database and the CSV exports: the same strings everywhere. */

export interface Labelled {
  readonly ja: string;
  readonly en: string;
}

export const CHANNELS = ['counter', 'phone'] as const;
export type Channel = (typeof CHANNELS)[number];

export const PROCEDURES = ['reservation', 'application', 'both', 'inquiry'] as const;
export type Procedure = (typeof PROCEDURES)[number];

export const AGE_BANDS = ['under15', '15to19', '20to39', '40to64', '65to74', '75plus'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

export const REPRESENTATIVES = ['self', 'legal_representative'] as const;
export type Representative = (typeof REPRESENTATIVES)[number];

export const CASE_STATUSES = ['waiting', 'in_service', 'completed', 'not_completed', 'left'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** Statuses after which a case is over and has an end instant. */
export const FINISHED_STATUSES: readonly CaseStatus[] = ['completed', 'not_completed', 'left'];

/** The platform functions a case can complete (and an outage can stop). */
export const PLATFORM_FUNCTIONS = ['reservation', 'application'] as const;
export type PlatformFunction = (typeof PLATFORM_FUNCTIONS)[number];

export const ROLES = ['staff', 'manager', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const OUTAGE_SYSTEMS = ['mykey_platform', 'payment_service', 'terminal'] as const;
export type OutageSystem = (typeof OUTAGE_SYSTEMS)[number];

export const OUTAGE_KINDS = ['planned', 'unplanned'] as const;
export type OutageKind = (typeof OUTAGE_KINDS)[number];

export const PAYMENT_SERVICE_KINDS = ['qr_code', 'electronic_money', 'credit_card', 'debit_card', 'prepaid'] as const;
export type PaymentServiceKind = (typeof PAYMENT_SERVICE_KINDS)[number];

export const REASON_CODES = [
  'cert_wait_24h',
  'cert_expired',
  'cert_not_issued',
  'pin_locked',
  'pin_forgotten',
  'proxy_not_allowed',
  'card_not_brought',
  'service_not_at_spot',
  'service_prereg_required',
  'service_items_missing',
  'platform_maintenance',
  'terminal_fault',
  'payment_service_down',
  'other',
] as const;
export type ReasonCode = (typeof REASON_CODES)[number];

/** Where the citizen is sent to fix what stood in the way; absent when the desk itself can help later. */
export const REFERRAL_PLACES = ['citizens_division', 'payment_service', 'call_centre'] as const;
export type ReferralPlace = (typeof REFERRAL_PLACES)[number];

export interface ReasonDefinition extends Labelled {
  readonly code: ReasonCode;
  readonly referTo: ReferralPlace | null;
  /** True when the citizen must do something before coming back (no earliest time can be promised). */
  readonly needsCitizenAction: boolean;
}

export const REASONS: Readonly<Record<ReasonCode, ReasonDefinition>> = {
  cert_wait_24h: {
    code: 'cert_wait_24h',
    ja: '電子証明書の更新・発行から24時間未経過',
    en: 'Less than 24 hours since the certificate was renewed or issued',
    referTo: null,
    needsCitizenAction: false,
  },
  cert_expired: {
    code: 'cert_expired',
    ja: '電子証明書の有効期限切れ',
    en: 'Electronic certificate expired',
    referTo: 'citizens_division',
    needsCitizenAction: true,
  },
  cert_not_issued: {
    code: 'cert_not_issued',
    ja: '電子証明書が未発行',
    en: 'Electronic certificate not issued',
    referTo: 'citizens_division',
    needsCitizenAction: true,
  },
  pin_locked: {
    code: 'pin_locked',
    ja: '暗証番号ロック',
    en: 'PIN locked',
    referTo: 'citizens_division',
    needsCitizenAction: true,
  },
  pin_forgotten: {
    code: 'pin_forgotten',
    ja: '暗証番号失念',
    en: 'PIN forgotten',
    referTo: 'citizens_division',
    needsCitizenAction: true,
  },
  proxy_not_allowed: {
    code: 'proxy_not_allowed',
    ja: '本人不在(15歳以上の代理)',
    en: 'Holder not present (proxy for a holder aged 15 or over)',
    referTo: null,
    needsCitizenAction: true,
  },
  card_not_brought: {
    code: 'card_not_brought',
    ja: 'マイナンバーカード不携帯',
    en: 'My Number card not brought',
    referTo: null,
    needsCitizenAction: true,
  },
  service_not_at_spot: {
    code: 'service_not_at_spot',
    ja: '手続スポットから申込みできない決済サービス',
    en: 'Payment service cannot be applied for at a procedure spot',
    referTo: 'payment_service',
    needsCitizenAction: true,
  },
  service_prereg_required: {
    code: 'service_prereg_required',
    ja: '決済サービスの事前登録が未完了',
    en: "Payment service's prior registration not done",
    referTo: 'payment_service',
    needsCitizenAction: true,
  },
  service_items_missing: {
    code: 'service_items_missing',
    ja: '決済サービスの必要書類等の不足',
    en: 'Items required by the payment service missing',
    referTo: 'payment_service',
    needsCitizenAction: true,
  },
  platform_maintenance: {
    code: 'platform_maintenance',
    ja: 'マイキープラットフォームのメンテナンス',
    en: 'MyKey Platform under maintenance',
    referTo: null,
    needsCitizenAction: false,
  },
  terminal_fault: {
    code: 'terminal_fault',
    ja: '端末の不具合',
    en: 'Terminal fault',
    referTo: null,
    needsCitizenAction: false,
  },
  payment_service_down: {
    code: 'payment_service_down',
    ja: '決済サービス側の障害・停止',
    en: 'Payment service down',
    referTo: null,
    needsCitizenAction: false,
  },
  other: {
    code: 'other',
    ja: 'その他',
    en: 'Other',
    referTo: null,
    needsCitizenAction: false,
  },
};

export const REFERRAL_LABELS: Readonly<Record<ReferralPlace, Labelled>> = {
  citizens_division: { ja: '市民課', en: 'Citizens Division' },
  payment_service: { ja: '決済サービス事業者', en: 'The payment service' },
  call_centre: {
    ja: 'マイナポイント事業コールセンター(0120-95-0178)',
    en: 'Mynapoint call centre (0120-95-0178)',
  },
};

export const CHANNEL_LABELS: Readonly<Record<Channel, Labelled>> = {
  counter: { ja: '窓口', en: 'Counter' },
  phone: { ja: '電話', en: 'Phone' },
};

export const PROCEDURE_LABELS: Readonly<Record<Procedure, Labelled>> = {
  reservation: { ja: '予約(マイキーID設定)', en: 'Reservation (MyKey ID)' },
  application: { ja: '申込み', en: 'Application' },
  both: { ja: '予約と申込み', en: 'Reservation and application' },
  inquiry: { ja: '問合せ', en: 'Inquiry' },
};

export const AGE_BAND_LABELS: Readonly<Record<AgeBand, Labelled>> = {
  under15: { ja: '15歳未満', en: 'Under 15' },
  '15to19': { ja: '15〜19歳', en: '15–19' },
  '20to39': { ja: '20〜39歳', en: '20–39' },
  '40to64': { ja: '40〜64歳', en: '40–64' },
  '65to74': { ja: '65〜74歳', en: '65–74' },
  '75plus': { ja: '75歳以上', en: '75 and over' },
};

export const REPRESENTATIVE_LABELS: Readonly<Record<Representative, Labelled>> = {
  self: { ja: '本人', en: 'Holder in person' },
  legal_representative: { ja: '法定代理人', en: 'Legal representative' },
};

export const CASE_STATUS_LABELS: Readonly<Record<CaseStatus, Labelled>> = {
  waiting: { ja: '受付待ち', en: 'Waiting' },
  in_service: { ja: '対応中', en: 'In service' },
  completed: { ja: '完了', en: 'Completed' },
  not_completed: { ja: '未完了', en: 'Not completed' },
  left: { ja: '離席(対応前に退出)', en: 'Left before service' },
};

export const PLATFORM_FUNCTION_LABELS: Readonly<Record<PlatformFunction, Labelled>> = {
  reservation: { ja: '予約', en: 'Reservation' },
  application: { ja: '申込み', en: 'Application' },
};

export const ROLE_LABELS: Readonly<Record<Role, Labelled>> = {
  staff: { ja: '職員', en: 'Staff' },
  manager: { ja: '管理者', en: 'Manager' },
  admin: { ja: 'システム管理者', en: 'Administrator' },
};

export const PAYMENT_SERVICE_KIND_LABELS: Readonly<Record<PaymentServiceKind, Labelled>> = {
  qr_code: { ja: 'QRコード決済', en: 'QR code payment' },
  electronic_money: { ja: '電子マネー', en: 'Electronic money' },
  credit_card: { ja: 'クレジットカード', en: 'Credit card' },
  debit_card: { ja: 'デビットカード', en: 'Debit card' },
  prepaid: { ja: 'プリペイド', en: 'Prepaid' },
};

export const OUTAGE_SYSTEM_LABELS: Readonly<Record<OutageSystem, Labelled>> = {
  mykey_platform: { ja: 'マイキープラットフォーム', en: 'MyKey Platform' },
  payment_service: { ja: '決済サービス', en: 'Payment service' },
  terminal: { ja: '窓口の端末', en: "Desk's terminal" },
};

export const OUTAGE_KIND_LABELS: Readonly<Record<OutageKind, Labelled>> = {
  planned: { ja: '計画停止', en: 'Planned' },
  unplanned: { ja: '障害(計画外)', en: 'Unplanned' },
};

/** How a case in service can end. */
export const CASE_OUTCOMES = ['completed', 'not_completed'] as const;
export type CaseOutcome = (typeof CASE_OUTCOMES)[number];

/**
 * The follow-up code printed on a return slip: random, not personal data, read aloud or typed at the next visit.
 * No 0/O or 1/I: characters that are easy to confuse on paper. 32 symbols × 6 places ≈ 10⁹ codes.
 */
export const FOLLOW_UP_CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
export const FOLLOW_UP_CODE_LENGTH = 6;

/** What the audit log records about; the same strings in the API and the database. */
export const AUDIT_ENTITY_TYPES = ['case', 'outage', 'payment_service', 'site', 'account', 'api_token'] as const;
export type AuditEntityType = (typeof AUDIT_ENTITY_TYPES)[number];

export const AUDIT_ACTIONS = [
  'create',
  'update',
  'delete',
  'start',
  'finish',
  'leave',
  'reset_password',
  'assign_follow_up_code',
  'remove_note',
  'revoke',
  'use',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_ACTION_LABELS: Readonly<Record<AuditAction, Labelled>> = {
  create: { ja: '登録', en: 'Created' },
  update: { ja: '変更', en: 'Changed' },
  delete: { ja: '削除', en: 'Deleted' },
  start: { ja: '対応開始', en: 'Service started' },
  finish: { ja: '対応終了', en: 'Finished' },
  leave: { ja: '対応前に退出', en: 'Left before service' },
  reset_password: { ja: 'パスワード再設定', en: 'Password reset' },
  assign_follow_up_code: { ja: '再来庁コード発行', en: 'Follow-up code issued' },
  remove_note: { ja: 'メモ削除(保存期間の経過)', en: 'Note removed (retention period over)' },
  revoke: { ja: '失効', en: 'Revoked' },
  use: { ja: 'APIトークンでの利用', en: 'Used with an API token' },
};

/** What a read-only API token may read: the statistics routes, the case exports, or both; nothing else. */
export const API_TOKEN_SCOPES = ['stats', 'exports'] as const;
export type ApiTokenScope = (typeof API_TOKEN_SCOPES)[number];

export const API_TOKEN_SCOPE_LABELS: Readonly<Record<ApiTokenScope, Labelled>> = {
  stats: { ja: '統計', en: 'Statistics' },
  exports: { ja: 'エクスポート', en: 'Exports' },
};

/** Every API token secret starts so, which tells it from a sign-in session and lets secret scanners find it. */
export const API_TOKEN_SECRET_PREFIX = 'mdg_';
/** Days an API token may be valid: an expiry is required, and no token lives longer than a year. */
export const API_TOKEN_DAYS = { min: 1, max: 365, default: 90 } as const;

/** A token is usable only while active; revoked and expired tokens are answered 401. */
export const API_TOKEN_STATES = ['active', 'revoked', 'expired'] as const;
export type ApiTokenState = (typeof API_TOKEN_STATES)[number];

/** Why the store cannot take a write: a locked file, a full disk, a read-only file, failing I/O, or otherwise. */
export const STORAGE_FAULTS = ['busy', 'disk-full', 'read-only', 'io-error', 'unavailable'] as const;
export type StorageFault = (typeof STORAGE_FAULTS)[number];

/** Problem types (RFC 9457 `type` is this prefix + the name) that a client may react to. */
export const PROBLEM_TYPE_PREFIX = 'https://madoguchi.invalid/problems/';
export const PROBLEM_TYPES = [
  'validation',
  'not-found',
  'personal-data',
  'bad-credentials',
  'forbidden',
  'conflict',
  'stale-version',
  'invalid-transition',
  'confirmation-required',
  'no-slip',
  'storage-unavailable',
  'shutting-down',
  'payload-too-large',
  'malformed-body',
  'unsupported-media-type',
  'too-many-sign-ins',
  'sign-in-busy',
  'live-streams-full',
  'api-token-invalid',
  'api-token-scope',
  'api-token-throttled',
] as const;
export type ProblemType = (typeof PROBLEM_TYPES)[number];
