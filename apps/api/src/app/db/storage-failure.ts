import type { Labelled, StorageFault } from '@madoguchi/contracts';
import { DomainProblem } from '../common/problems';

export type { StorageFault };

// SQLite's primary result codes that say "the store", not "the request", is the problem.
const FAULT_OF_CODE: Readonly<Record<string, StorageFault>> = {
  SQLITE_BUSY: 'busy',
  SQLITE_LOCKED: 'busy',
  SQLITE_FULL: 'disk-full',
  SQLITE_READONLY: 'read-only',
  SQLITE_PERM: 'read-only',
  SQLITE_IOERR: 'io-error',
  SQLITE_CORRUPT: 'io-error',
  SQLITE_NOTADB: 'io-error',
  SQLITE_PROTOCOL: 'io-error',
  SQLITE_NOMEM: 'unavailable',
  SQLITE_CANTOPEN: 'unavailable',
  SQLITE_MISUSE: 'unavailable',
};

// PostgreSQL's SQLSTATE codes and classes that say "the store", not "the request", is the problem.
const FAULT_OF_SQLSTATE: Readonly<Record<string, StorageFault>> = {
  '40001': 'busy', // serialization_failure: another process changed the same rows
  '40P01': 'busy', // deadlock_detected
  '55P03': 'busy', // lock_not_available
  '53100': 'disk-full',
  '25006': 'read-only', // read_only_sql_transaction: a standby, or a database set read-only
  '58030': 'io-error',
  XX001: 'io-error', // data_corrupted
  XX002: 'io-error', // index_corrupted
  '53200': 'unavailable', // out_of_memory
  '53300': 'unavailable', // too_many_connections
  '57P01': 'unavailable', // admin_shutdown
  '57P02': 'unavailable', // crash_shutdown
  '57P03': 'unavailable', // cannot_connect_now
};

/** The storage fault behind an error thrown by the driver (TypeORM copies the driver's `code`), or null. */
export function storageFaultOf(error: unknown): StorageFault | null {
  if (error instanceof StorageUnavailableProblem) return error.fault;
  if (typeof error !== 'object' || error === null) return null;
  const code = (error as { code?: unknown }).code;
  // Extended result codes (SQLITE_IOERR_WRITE, SQLITE_READONLY_DBMOVED…) belong to their primary code.
  const primary = typeof code === 'string' ? /^SQLITE_[A-Z]+/.exec(code)?.[0] : undefined;
  if (primary && primary in FAULT_OF_CODE) return FAULT_OF_CODE[primary] ?? null;
  if (typeof code === 'string' && code in FAULT_OF_SQLSTATE) return FAULT_OF_SQLSTATE[code] ?? null;
  // Class 08: the connection to the server failed or was lost.
  if (typeof code === 'string' && /^08[0-9A-Z]{3}$/.test(code)) return 'unavailable';
  if (code === 'ECONNREFUSED' || code === 'ECONNRESET' || code === 'ETIMEDOUT' || code === 'ENOTFOUND') {
    return 'unavailable';
  }
  // The pg driver names a lost or timed-out connection only in its message.
  const message = (error as { message?: unknown }).message;
  if (typeof message === 'string' && /^Connection terminated|timeout exceeded when trying to connect/.test(message)) {
    return 'unavailable';
  }
  // Node's own errors when the file system refuses, e.g. while a connection is reopened.
  if (code === 'ENOSPC') return 'disk-full';
  if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM') return 'read-only';
  if (code === 'EIO') return 'io-error';
  return null;
}

const WHAT_HAPPENED: Readonly<Record<StorageFault, Labelled>> = {
  busy: {
    ja: 'データベースが別の処理で使用中のため、保存できませんでした。',
    en: 'The database is locked by another process, so nothing was saved.',
  },
  'disk-full': {
    ja: 'サーバーのディスクに空きがないため、保存できませんでした。',
    en: "The server's disk is full, so nothing was saved.",
  },
  'read-only': {
    ja: 'データベースファイルが書き込み禁止になっているため、保存できませんでした。',
    en: 'The database file cannot be written (read-only), so nothing was saved.',
  },
  'io-error': {
    ja: 'データベースファイルの読み書きに失敗したため、保存できませんでした。',
    en: 'Reading or writing the database file failed, so nothing was saved.',
  },
  unavailable: {
    ja: 'データベースが一時的に使えないため、保存できませんでした。',
    en: 'The database is unavailable for a moment, so nothing was saved.',
  },
};

const WHAT_TO_DO: Readonly<Record<StorageFault, Labelled>> = {
  busy: { ja: '数秒後にもう一度送信してください。', en: 'Send it again in a few seconds.' },
  'disk-full': {
    ja: '入力内容はそのままにして、システム管理者に連絡してください。空きができれば再送信で保存できます。',
    en: 'Keep what you entered and tell the system administrator; once space is freed, sending again saves it.',
  },
  'read-only': {
    ja: '入力内容はそのままにして、システム管理者に連絡してください。',
    en: 'Keep what you entered and tell the system administrator.',
  },
  'io-error': {
    ja: '入力内容はそのままにして、しばらくしてから再送信し、続く場合はシステム管理者に連絡してください。',
    en: 'Keep what you entered, send it again shortly, and tell the system administrator if it persists.',
  },
  unavailable: {
    ja: 'しばらくしてからもう一度送信してください。',
    en: 'Send it again shortly.',
  },
};

/** 503 with `Retry-After`: the request was not stored and may be sent again unchanged. */
export class StorageUnavailableProblem extends DomainProblem {
  constructor(
    readonly fault: StorageFault,
    retryAfterSeconds = fault === 'busy' ? 2 : 10,
  ) {
    super(
      503,
      'storage-unavailable',
      'Storage unavailable',
      {
        ja: `${WHAT_HAPPENED[fault].ja}${WHAT_TO_DO[fault].ja}`,
        en: `${WHAT_HAPPENED[fault].en} ${WHAT_TO_DO[fault].en}`,
      },
      [],
      { fault, retryAfter: retryAfterSeconds },
    );
  }
}

/** 503 while the server stops: the request was not taken; another process (or this one, restarted) will take it. */
export class ShuttingDownProblem extends DomainProblem {
  constructor() {
    super(
      503,
      'shutting-down',
      'Server stopping',
      {
        ja: 'サーバーを停止しています。受け付けていません。数秒後にもう一度送信してください。',
        en: 'The server is stopping and did not take this request. Send it again in a few seconds.',
      },
      [],
      { retryAfter: 5 },
    );
  }
}
