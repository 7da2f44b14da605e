import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { HealthProbe } from './health-probe.entity';

/** The health check's two touches of the database: a read on the reading connection and a probe write. */
@Injectable()
export class HealthRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async ping(): Promise<void> {
    await this.dataSource.query('SELECT 1');
  }

  /** One real commit: the probe row's time. */
  async probe(manager: EntityManager, at: Date): Promise<void> {
    await manager.upsert(HealthProbe, { id: 1, checkedAt: at }, ['id']);
  }
}
