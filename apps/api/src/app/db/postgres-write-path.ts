import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { writerOptions } from './data-source';
import { ShuttingDownProblem, storageFaultOf, StorageUnavailableProblem } from './storage-failure';
import { WritePath, WriteWork } from './write-path';

// Another process's transaction touched the same rows: this one is tried again, a little later each time.
const CONFLICTS = new Set(['40001', '40P01']);
const RETRY_MS = 10;
const RETRY_MAX_MS = 250;

/**
 * PostgreSQL's write path: each unit of work is one SERIALIZABLE transaction, so several API processes may write at
 * once and still see each unit as if it ran alone (as SQLite's single writer did). A process runs its own units one
 * after another: units of one process never conflict with each other, and those of different processes rarely, where
 * forty at once on each retried themselves past any bound. The server makes COMMIT durable; a conflict with another
 * process is retried within WRITE_LOCK_TIMEOUT_MS, then answered 503.
 */
export class PostgresWritePath extends WritePath {
  private readonly logger = new Logger('WritePath');
  private writer: Promise<DataSource> | null = null;
  private tail: Promise<unknown> = Promise.resolve();
  private closing = false;

  constructor(
    private readonly url: string,
    private readonly lockTimeoutMs: number,
  ) {
    super();
  }

  override run<T>(work: WriteWork<T>): Promise<T> {
    if (this.closing) return Promise.reject(new ShuttingDownProblem());
    const attempt = this.tail.then(() => this.attempt(work));
    this.tail = attempt.catch(() => undefined);
    return attempt;
  }

  override async close(): Promise<void> {
    this.closing = true;
    await this.tail;
    const writer = this.writer;
    this.writer = null;
    if (writer) await (await writer.catch(() => null))?.destroy().catch(() => undefined);
  }

  private async attempt<T>(work: WriteWork<T>): Promise<T> {
    const deadline = Date.now() + this.lockTimeoutMs;
    for (let tries = 1; ; tries++) {
      try {
        const writer = await this.connection();
        const value = await writer.transaction('SERIALIZABLE', work);
        this.committed(1);
        return value;
      } catch (error) {
        const code = (error as { code?: unknown }).code;
        if (typeof code === 'string' && CONFLICTS.has(code) && Date.now() < deadline) {
          const backOff = Math.min(RETRY_MAX_MS, RETRY_MS * 2 ** tries) * Math.random();
          await new Promise((retry) => setTimeout(retry, backOff));
          continue;
        }
        const fault = storageFaultOf(error);
        // The work itself refused (a domain problem): it was rolled back, and the store is as healthy as before.
        if (fault === null) {
          this.attempted(null);
          throw error;
        }
        this.logger.error(`A write failed (${fault}); it is not acknowledged: ${describe(error)}`);
        this.attempted(fault);
        if (fault === 'unavailable') await this.reset();
        throw new StorageUnavailableProblem(fault);
      }
    }
  }

  private connection(): Promise<DataSource> {
    this.writer ??= new DataSource(
      writerOptions({ engine: 'postgres', url: this.url }, this.lockTimeoutMs),
    ).initialize();
    // A pool that could not be opened is opened anew by the next write.
    this.writer.catch(() => (this.writer = null));
    return this.writer;
  }

  private async reset(): Promise<void> {
    const writer = this.writer;
    this.writer = null;
    if (writer) await (await writer.catch(() => null))?.destroy().catch(() => undefined);
  }
}

const describe = (error: unknown) => (error instanceof Error ? `${error.name}: ${error.message}` : String(error));
