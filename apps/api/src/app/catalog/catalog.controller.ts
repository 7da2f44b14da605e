import { Body, Controller, Get, Param, ParseIntPipe, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { InjectRepository } from '@nestjs/typeorm';
import type { PaymentService, PaymentServiceEntry, Site } from '@madoguchi/contracts';
import { Repository } from 'typeorm';
import { CurrentUser, Public, Roles } from '../auth/auth.decorators';
import type { UserAccount } from '../auth/user.entity';
import { CreatePaymentServiceDto, CreateSiteDto, UpdatePaymentServiceDto, UpdateSiteDto } from './catalog.dto';
import { CatalogService, toSite } from './catalog.service';
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
    private readonly catalog: CatalogService,
  ) {}

  /** Public: the citizens' self-check needs to know which services the desk can apply for. */
  @Public()
  @Get('payment-services')
  async paymentServices(): Promise<PaymentService[]> {
    const rows = await this.services.find({ where: { active: true }, order: { name: 'ASC' } });
    return rows.map(toPaymentService);
  }

  /** The whole catalogue, inactive services included. */
  @ApiBearerAuth()
  @Roles('manager', 'admin')
  @Get('payment-services/all')
  allPaymentServices(): Promise<PaymentServiceEntry[]> {
    return this.catalog.allPaymentServices();
  }

  @ApiBearerAuth()
  @Roles('admin')
  @Post('payment-services')
  createPaymentService(
    @Body() body: CreatePaymentServiceDto,
    @CurrentUser() user: UserAccount,
  ): Promise<PaymentServiceEntry> {
    return this.catalog.createPaymentService(body, user);
  }

  @ApiBearerAuth()
  @Roles('admin')
  @Patch('payment-services/:id')
  updatePaymentService(
    @Param('id', ParseIntPipe) id: number,
    @Body() body: UpdatePaymentServiceDto,
    @CurrentUser() user: UserAccount,
  ): Promise<PaymentServiceEntry> {
    return this.catalog.updatePaymentService(id, body, user);
  }

  @ApiBearerAuth()
  @Get('sites')
  async listSites(): Promise<Site[]> {
    const rows = await this.sites.find({ order: { id: 'ASC' } });
    return rows.map(toSite);
  }

  @ApiBearerAuth()
  @Roles('admin')
  @Post('sites')
  createSite(@Body() body: CreateSiteDto, @CurrentUser() user: UserAccount): Promise<Site> {
    return this.catalog.createSite(body, user);
  }

  @ApiBearerAuth()
  @Roles('admin')
  @Patch('sites/:id')
  updateSite(
    @Param('id', ParseIntPipe) id: number,
    @Body() body: UpdateSiteDto,
    @CurrentUser() user: UserAccount,
  ): Promise<Site> {
    return this.catalog.updateSite(id, body, user);
  }
}
