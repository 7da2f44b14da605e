import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { RollupFacet, RollupKind } from './rollup-rows';

/** One counter of the statistics kept on write (see rollup-rows.ts); its key leads with what a query narrows by. */
// A month's counters are found by period when they are counted again (rollups:rebuild, the demo data).
@Index('idx_rollup_period', ['grain', 'period'])
@Entity('stats_rollup', { withoutRowid: true })
export class StatsRollupEntity {
  @PrimaryColumn({ type: 'varchar', length: 8 })
  facet!: RollupFacet;

  @PrimaryColumn({ type: 'varchar', length: 32 })
  value!: string;

  @PrimaryColumn({ type: 'varchar', length: 16 })
  kind!: RollupKind;

  @PrimaryColumn({ type: 'integer' })
  grain!: number;

  @PrimaryColumn({ type: 'integer' })
  period!: number;

  @PrimaryColumn({ type: 'varchar', length: 40 })
  key!: string;

  @PrimaryColumn({ type: 'integer' })
  bin!: number;

  @Column({ type: 'integer' })
  n!: number;
}
