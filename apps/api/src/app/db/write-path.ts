import { Logger, OnApplicationShutdown } from '@nestjs/common';
import { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { Checkpointer } from './checkpointer';
import { bindIntegerParameters, writerOptions } from './data-source';
import { ShuttingDownProblem, StorageFault, storageFaultOf, StorageUnavailableProblem } from './storage-failure';

/** A unit of work: all its statements commit together or not at all. */
export type WriteWork<T> = (manager: EntityManager) => Promise<T>;

interface Pending {
  work: WriteWork<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

// How often a write waiting for another process's lock tries again.
const LOCK_RETRY_MS = 20;

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/** What the last attempt to write found, for /api/health. */
export interface WriteState {
  writable: boolean;
  fault: StorageFault | null;
  /** When a write last committed (UTC ISO), or null if none has since start. */
  lastCommitAt: string | null;
  /** When a write was last tried, committed or not (epoch ms), or null if none has since start. */
  lastAttemptAt: number | null;
  /** Commits and units of work since start: their ratio is how many requests shared each commit. */
  commits: number;
  units: number;
}

export interface WritePathOptions {
  databasePath: string;
  /** How long a write waits for another process's lock before it is answered 503. */
  lockTimeoutMs: number;
  /** Most units of work in one commit; bounds the wait of the last one in a batch. */
  maxBatch?: number;
}

/** The one way anything is written: a unit of work is acknowledged only once it is committed to durable storage. */
export abstract class WritePath implements OnApplicationShutdown {
  private state: WriteState = {
    writable: true,
    fault: null,
    lastCommitAt: null,
    lastAttemptAt: null,
    commits: 0,
    units: 0,
  };

  /** Runs `work` in its own transaction (or savepoint); resolves with its result only once it is committed. */
  abstract run<T>(work: WriteWork<T>): Promise<T>;
  /** Lets what was accepted finish, then closes the connection; later work is refused with 503. */
  abstract close(): Promise<void>;

  /** What the last attempt to write found. */
  get current(): WriteState {
    return { ...this.state };
  }

  /** A commit of `units` units of work is on durable storage. */
  protected committed(units: number): void {
    this.state = {
      writable: true,
      fault: null,
      lastCommitAt: new Date().toISOString(),
      lastAttemptAt: Date.now(),
      commits: this.state.commits + 1,
      units: this.state.units + units,
    };
  }

  /** A write was tried and found the store failing (or, with null, refused by the work itself, the store fine). */
  protected attempted(fault: StorageFault | null): void {
    this.state = fault
      ? { ...this.state, writable: false, fault, lastAttemptAt: Date.now() }
      : { ...this.state, lastAttemptAt: Date.now() };
  }

  /** After the HTTP server has stopped taking requests: what is in flight commits, then the connection closes. */
  onApplicationShutdown(): Promise<void> {
    return this.close();
  }
}

/**
 * SQLite's write path. Every unit of work runs in its own savepoint inside a shared write transaction
 * that takes the lock up front (BEGIN IMMEDIATE), and no caller hears back before COMMIT has returned, with
 * `synchronous = FULL`, from the disk. Work that arrives while a commit is on disk goes into the next one (group
 * commit), so a burst costs one fsync per batch rather than per request. The write connection is its own: reads
 * elsewhere never see what is not yet committed. When a COMMIT or ROLLBACK fails the whole batch is answered 503
 * and the connection is closed and opened anew before anything else runs on it.
 */
export class SqliteWritePath extends WritePath {
  private readonly logger = new Logger('WritePath');
  private readonly queue: Pending[] = [];
  private readonly maxBatch: number;
  private writer: DataSource | null = null;
  private draining: Promise<void> = Promise.resolve();
  private running = false;
  private closing = false;
  private readonly checkpointer: Checkpointer;

  constructor(private readonly options: WritePathOptions) {
    super();
    this.maxBatch = options.maxBatch ?? 256;
    this.checkpointer = new Checkpointer(options.databasePath);
  }

  /** Runs `work` in the next commit; resolves with its result only once that commit is on disk. */
  override run<T>(work: WriteWork<T>): Promise<T> {
    if (this.closing) return Promise.reject(new ShuttingDownProblem());
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
      if (!this.running) {
        this.running = true;
        // Statements run synchronously: the batch starts once this turn of the event loop has queued all it read.
        this.draining = new Promise((next) => setImmediate(next)).then(() => this.drain());
      }
    });
  }

  override async close(): Promise<void> {
    this.closing = true;
    await this.draining;
    await this.closeWriter();
    await this.checkpointer.stop();
  }

  private async drain(): Promise<void> {
    try {
      while (this.queue.length) await this.commitBatch();
    } finally {
      // Set in the same tick as the empty check above, so no work can be queued with nobody draining.
      this.running = false;
    }
  }

  private async commitBatch(): Promise<void> {
    const batch: { pending: Pending; outcome: Outcome }[] = [];
    let failure: unknown = null;
    let runner: QueryRunner | null = null;
    try {
      runner = await this.connection();
      await this.begin(runner);
      // TypeORM must not open a transaction of its own inside ours (save() would try).
      Object.assign(runner, { isTransactionActive: true });
      // Work that arrives while earlier work of this batch runs joins it; what arrives during COMMIT waits.
      while (this.queue.length && batch.length < this.maxBatch) {
        const pending = this.queue.shift() as Pending;
        const entry: { pending: Pending; outcome: Outcome } = { pending, outcome: { ok: true, value: undefined } };
        batch.push(entry);
        await runner.query('SAVEPOINT unit');
        try {
          entry.outcome = { ok: true, value: await pending.work(runner.manager) };
          await runner.query('RELEASE unit');
        } catch (error) {
          entry.outcome = { ok: false, error };
          if (storageFaultOf(error)) throw error;
          // A refused unit undoes only itself; if even that fails the batch's state is unknown.
          await runner.query('ROLLBACK TO unit');
          await runner.query('RELEASE unit');
        }
      }
      await runner.query('COMMIT');
    } catch (error) {
      failure = error;
    } finally {
      if (runner) Object.assign(runner, { isTransactionActive: false });
    }

    if (failure === null) {
      this.committed(batch.length);
      for (const { pending, outcome } of batch) {
        if (outcome.ok) pending.resolve(outcome.value);
        else pending.reject(outcome.error);
      }
      return;
    }

    const fault = storageFaultOf(failure) ?? 'unavailable';
    const refused = batch.length || this.queue.length;
    this.logger.error(`A write of ${refused} request(s) failed (${fault}); none is acknowledged: ${describe(failure)}`);
    this.attempted(fault);
    // Nothing of this batch may stay half-applied on the connection: roll back, and open it anew in any case.
    if (runner) await runner.query('ROLLBACK').catch(() => undefined);
    await this.closeWriter();
    const refusal = new StorageUnavailableProblem(fault);
    for (const { pending } of batch) pending.reject(refusal);
    // The transaction could not even begin (a lock held elsewhere past its bound, a file that will not open):
    // everyone waiting would wait the same again, so all are answered now and may retry.
    if (!batch.length) for (const pending of this.queue.splice(0)) pending.reject(refusal);
  }

  /** Takes the write lock, waiting for another process to release it without blocking this one, within the bound. */
  private async begin(runner: QueryRunner): Promise<void> {
    const deadline = Date.now() + this.options.lockTimeoutMs;
    for (;;) {
      try {
        await runner.query('BEGIN IMMEDIATE');
        return;
      } catch (error) {
        if (storageFaultOf(error) !== 'busy' || Date.now() >= deadline) throw error;
        await new Promise((retry) => setTimeout(retry, Math.min(LOCK_RETRY_MS, deadline - Date.now())));
      }
    }
  }

  private async connection(): Promise<QueryRunner> {
    if (!this.writer) {
      const writer = bindIntegerParameters(new DataSource(writerOptions(this.options.databasePath)));
      await writer.initialize();
      this.writer = writer;
    }
    return this.writer.createQueryRunner();
  }

  private async closeWriter(): Promise<void> {
    const writer = this.writer;
    this.writer = null;
    if (writer?.isInitialized) await writer.destroy().catch(() => undefined);
  }
}

const describe = (error: unknown) => (error instanceof Error ? `${error.name}: ${error.message}` : String(error));
