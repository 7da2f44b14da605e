import { ticketLabel, ticketPrefix } from '@madoguchi/rules';
import { EntityManager, LessThan } from 'typeorm';
import { SiteEntity } from '../catalog/site.entity';
import { SupportCaseEntity } from './support-case.entity';

export interface IssuedTicket {
  ticketDay: string;
  ticketNumber: number;
  ticket: string;
}

/** The letter of a site's tickets, from its place among the sites (A for the first registered). */
export async function siteTicketPrefix(manager: EntityManager, siteId: number): Promise<string> {
  return ticketPrefix(await manager.countBy(SiteEntity, { id: LessThan(siteId) }));
}

/**
 * The next ticket of a site's day: one more than the highest handed out, from 1 each Tokyo day. It must run inside
 * the write path, whose one writer takes each reception in turn; the unique index backs that up.
 */
export async function nextTicket(manager: EntityManager, siteId: number, ticketDay: string): Promise<IssuedTicket> {
  const row = await manager
    .createQueryBuilder(SupportCaseEntity, 'c')
    .select('MAX(c.ticketNumber)', 'last')
    .where('c.siteId = :siteId AND c.ticketDay = :ticketDay', { siteId, ticketDay })
    .getRawOne<{ last: number | null }>();
  const ticketNumber = Number(row?.last ?? 0) + 1;
  return { ticketDay, ticketNumber, ticket: ticketLabel(await siteTicketPrefix(manager, siteId), ticketNumber) };
}
