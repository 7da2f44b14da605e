import { Column, ColumnOptions, CreateDateColumn, UpdateDateColumn } from 'typeorm';

/**
 * Column type of every instant. SQLite keeps TypeORM's UTC "YYYY-MM-DD HH:MM:SS.SSS" text, which sorts as time does;
 * PostgreSQL will use timestamptz: this is the one place that changes.
 */
export const INSTANT_TYPE = 'datetime';

export const InstantColumn = (options: Omit<ColumnOptions, 'type'> = {}) => Column({ type: INSTANT_TYPE, ...options });
export const CreatedAtColumn = () => CreateDateColumn({ type: INSTANT_TYPE });
export const UpdatedAtColumn = () => UpdateDateColumn({ type: INSTANT_TYPE });
