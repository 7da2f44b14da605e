import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

@Entity('site')
export class SiteEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Index('uq_site_code', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  code!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;
}
