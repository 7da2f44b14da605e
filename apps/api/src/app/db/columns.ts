import { Column, ColumnOptions, ColumnType, CreateDateColumn, UpdateDateColumn } from 'typeorm';
import type { Engine } from './engine';

/**
 * Column type of every instant, per engine: SQLite keeps TypeORM's UTC "YYYY-MM-DD HH:MM:SS.SSS" text, which sorts
 * as time does; PostgreSQL keeps timestamptz. This is the one place that differs.
 */
/** SQLite's instant type, which its migrations write. */
export const INSTANT_TYPE = 'datetime';
const INSTANT_TYPE_OF: Record<Engine, ColumnType> = { sqlite: INSTANT_TYPE, postgres: 'timestamptz' };

// The decorators keep these very objects as their metadata, so switching the engine retypes every instant column.
const instantColumns: ColumnOptions[] = [];
const instant = <T extends ColumnOptions>(options: T): T => {
  instantColumns.push(options);
  return Object.assign(options, { type: INSTANT_TYPE_OF.sqlite });
};

export const InstantColumn = (options: Omit<ColumnOptions, 'type'> = {}) => Column(instant({ ...options }));
export const CreatedAtColumn = () => CreateDateColumn(instant({}));
export const UpdatedAtColumn = () => UpdateDateColumn(instant({}));

/** Gives every instant column the engine's type; run before a data source builds its metadata from the entities. */
export function useInstantType(engine: Engine): void {
  for (const options of instantColumns) options.type = INSTANT_TYPE_OF[engine];
}
