import { Entity, PrimaryColumn } from 'typeorm';
import { InstantColumn } from '../db/columns';

/** One row that /api/health rewrites through the write path: proof that a commit reaches the disk now. */
@Entity('health_probe')
export class HealthProbe {
  @PrimaryColumn({ type: 'integer' })
  id!: number;

  @InstantColumn()
  checkedAt!: Date;
}
