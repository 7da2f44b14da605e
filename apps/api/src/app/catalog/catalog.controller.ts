import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { InjectRepository } from '@nestjs/typeorm';
import type { PaymentService, Site } from '@madoguchi/contracts';
import { Repository } from 'typeorm';
import { Public } from '../auth/auth.decorators';
import { PaymentServiceEntity } from './payment-service.entity';
import { SiteEntity } from './site.entity';

export const toPaymentService = (e: PaymentServiceEntity): PaymentService => ({
  id: e.id,
  name: e.name,
  kind: e.kind,
  appliesAtSpot: e.appliesAtSpot,
  requiresPreRegistration: e.requiresPreRegistration,
  requiredItems: e.requiredItems,
});

@ApiTags('catalog')
@Controller()
export class CatalogController {
  constructor(
    @InjectRepository(PaymentServiceEntity) private readonly services: Repository<PaymentServiceEntity>,
    @InjectRepository(SiteEntity) private readonly sites: Repository<SiteEntity>,
  ) {}

  /** Public: the citizens' self-check needs to know which services the desk can apply for. */
  @Public()
  @Get('payment-services')
  async paymentServices(): Promise<PaymentService[]> {
    const rows = await this.services.find({ where: { active: true }, order: { name: 'ASC' } });
    return rows.map(toPaymentService);
  }

  @ApiBearerAuth()
  @Get('sites')
  async listSites(): Promise<Site[]> {
    const rows = await this.sites.find({ order: { id: 'ASC' } });
    return rows.map(({ id, code, name }) => ({ id, code, name }));
  }
}
