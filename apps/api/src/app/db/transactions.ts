import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

/** One transaction per user action, one at a time on SQLite: its single shared connection would nest overlapping ones. */
@Injectable()
export class Transactions {
  private tail: Promise<unknown> = Promise.resolve();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (this.dataSource.options.type !== 'sqlite') return this.dataSource.transaction(work);
    const result = this.tail.then(() => this.dataSource.transaction(work));
    // The next transaction waits for this one to end, whether it committed or rolled back.
    this.tail = result.catch(() => undefined);
    return result;
  }
}
