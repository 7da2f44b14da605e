import { Logger } from '@nestjs/common';
import type { DeskLiveTopic } from '@madoguchi/contracts';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';

/** What one server tells the others: a topic whose data changed, or a session that was signed out. */
export type LiveNews = { topic: DeskLiveTopic } | { session: string };

const CHANNEL = 'madoguchi_live';
const RECONNECT_MS = 1000;

/**
 * Carries the live news between the API processes that share one PostgreSQL database (LISTEN / NOTIFY): a change
 * committed by one process reaches the screens streaming from every other, and a sign-out ends the session's
 * streams everywhere. A lost connection is opened again; news sent while it was down is not replayed.
 */
export class PostgresLiveRelay {
  private readonly logger = new Logger('LiveRelay');
  private readonly origin = randomUUID();
  private client: Client | null = null;
  private closed = false;
  private retry: NodeJS.Timeout | null = null;

  constructor(
    private readonly url: string,
    private readonly hear: (news: LiveNews) => void,
  ) {}

  async open(): Promise<void> {
    const client = new Client({ connectionString: this.url });
    client.on('notification', (message) => this.received(message.payload));
    client.on('error', (error) => {
      this.logger.warn(`The live relay lost its connection (${error.message}); opening it again`);
      this.reopen(client);
    });
    client.on('end', () => this.reopen(client));
    await client.connect();
    await client.query(`LISTEN ${CHANNEL}`);
    this.client = client;
  }

  tell(news: LiveNews): void {
    this.client
      ?.query('SELECT pg_notify($1, $2)', [CHANNEL, JSON.stringify({ origin: this.origin, ...news })])
      .catch((error: unknown) => this.logger.warn(`Live news not relayed: ${String(error)}`));
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.retry) clearTimeout(this.retry);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private received(payload: string | undefined): void {
    try {
      const { origin, ...news } = JSON.parse(payload ?? '') as { origin: string } & LiveNews;
      if (origin !== this.origin) this.hear(news);
    } catch {
      this.logger.warn('Live news not understood; ignored');
    }
  }

  private reopen(lost: Client): void {
    if (this.closed || this.client !== lost) return;
    this.client = null;
    void lost.end().catch(() => undefined);
    this.retry = setTimeout(() => {
      this.retry = null;
      this.open().catch((error: unknown) => {
        this.logger.warn(`The live relay could not connect (${String(error)}); trying again`);
        this.client = lost;
        this.reopen(lost);
      });
    }, RECONNECT_MS);
    this.retry.unref();
  }
}
