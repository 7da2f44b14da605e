import { Injectable } from '@nestjs/common';
import type { PublicDisplay } from '@madoguchi/contracts';
import { deskHoursOn, isDeskOpenAt, parseTicket, ticketPrefix, tokyoDate } from '@madoguchi/rules';
import { NotFoundProblem } from '../common/problems';
import { tokyoDaysRange } from '../stats/instant-range';
import { CongestionService, estimateWaitMinutes } from './congestion.service';
import { PublicRepository } from './public.repository';
import { PublicOutages } from './public-outages';

/** The waiting-room display of one site: the calls, the queue, today's hours and what stops the desk today. */
@Injectable()
export class DisplayService {
  constructor(
    private readonly repository: PublicRepository,
    private readonly congestion: CongestionService,
    private readonly outages: PublicOutages,
  ) {}

  async at(at: Date, siteCode: string | undefined): Promise<PublicDisplay> {
    const found = await this.repository.site(siteCode);
    if (!found) {
      throw new NotFoundProblem({ ja: `拠点「${siteCode ?? ''}」`, en: `Site "${siteCode ?? ''}"` });
    }
    const { site, index } = found;
    const date = tokyoDate(at);
    const day = tokyoDaysRange(date, date);
    const open = isDeskOpenAt(at);
    const hours = deskHoursOn(date);
    const [called, queue, handleMs, outages] = await Promise.all([
      this.repository.called(site.id, day, at),
      this.repository.queue(site.id, day),
      this.congestion.recentMedianHandleMs(at),
      this.outages.between(at, day.end),
    ]);
    return {
      at: at.toISOString(),
      site: { code: site.code, name: site.name, ticketPrefix: ticketPrefix(index) },
      open,
      today: { date, hours: hours.hours.map((h) => ({ ...h })), holidayName: hours.holidayName ?? null },
      called: called.map((c) => {
        const parsed = parseTicket(c.ticket);
        return {
          ticket: c.ticket,
          prefix: parsed?.prefix ?? '',
          number: parsed?.number ?? 0,
          counter: c.counter,
          calledAt: c.startedAt.toISOString(),
        };
      }),
      waiting: queue.waiting,
      inService: queue.inService,
      estimatedWaitMinutes: estimateWaitMinutes(open, queue.waiting, handleMs, queue.serving),
      outagesNow: outages.now,
      outagesLaterToday: outages.announced,
    };
  }
}
