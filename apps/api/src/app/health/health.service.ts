import { Injectable } from '@nestjs/common';
import type { Health } from '@madoguchi/contracts';
import { storageFaultOf } from '../db/storage-failure';
import { WritePath } from '../db/write-path';
import { APP_VERSION } from '../version';
import { HealthRepository } from './health.repository';

// A monitor may poll often: a write tried this recently (a request's or a probe's) answers for the store.
const PROBE_REUSE_MS = 2000;
// A probe stuck behind a lock says "cannot write now" rather than keeping the monitor waiting.
const PROBE_PATIENCE_MS = 3000;

type WriteCheck = Pick<Health, 'writes' | 'writeFault'>;

@Injectable()
export class HealthService {
  private probing: Promise<WriteCheck> | null = null;

  constructor(
    private readonly repository: HealthRepository,
    private readonly writes: WritePath,
  ) {}

  async health(): Promise<Health> {
    let database: Health['database'] = 'up';
    try {
      await this.repository.ping();
    } catch {
      database = 'down';
    }
    const { writes, writeFault } = await this.checkWrites();
    // Migrations ran to completion before the server started listening; nothing else changes the schema.
    const status = database === 'down' ? 'error' : writes === 'ok' ? 'ok' : 'degraded';
    return { status, database, writes, writeFault, migrations: 'current', version: APP_VERSION };
  }

  /** What the latest write found, if it is recent; otherwise one real commit, shared by every poll that waits for it. */
  private checkWrites(): Promise<WriteCheck> {
    const last = this.writes.current;
    if (last.lastAttemptAt !== null && Date.now() - last.lastAttemptAt < PROBE_REUSE_MS) {
      return Promise.resolve({ writes: last.writable ? 'ok' : 'failing', writeFault: last.fault });
    }
    this.probing ??= this.probe().finally(() => (this.probing = null));
    return this.probing;
  }

  private async probe(): Promise<WriteCheck> {
    let timer: NodeJS.Timeout | undefined;
    const patience = new Promise<WriteCheck>((resolve) => {
      timer = setTimeout(() => resolve({ writes: 'failing', writeFault: 'busy' }), PROBE_PATIENCE_MS);
    });
    const commit = this.writes
      .run((manager) => this.repository.probe(manager, new Date()))
      .then((): WriteCheck => ({ writes: 'ok', writeFault: null }))
      .catch((error: unknown): WriteCheck => ({
        writes: 'failing',
        writeFault: storageFaultOf(error) ?? 'unavailable',
      }));
    try {
      return await Promise.race([commit, patience]);
    } finally {
      clearTimeout(timer);
    }
  }
}
