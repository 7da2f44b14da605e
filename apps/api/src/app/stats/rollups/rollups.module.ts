import { Module } from '@nestjs/common';
import { RollupsRepository } from './rollups.repository';

/** The statistics' counters: the cases write them, the statistics read them. */
@Module({
  providers: [RollupsRepository],
  exports: [RollupsRepository],
})
export class RollupsModule {}
