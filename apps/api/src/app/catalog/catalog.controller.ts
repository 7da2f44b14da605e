import { ParseIdPipe } from '../common/id-param';
import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { PaymentService, PaymentServiceEntry, Site } from '@madoguchi/contracts';
import { CurrentUser, Public, Roles } from '../auth/auth.decorators';
import type { UserAccount } from '../auth/user.entity';
import { CreatePaymentServiceDto, CreateSiteDto, UpdatePaymentServiceDto, UpdateSiteDto } from './catalog.dto';
import { CatalogService } from './catalog.service';

@ApiTags('catalog')
@Controller()
export class CatalogController {
  constructor(private readonly catalog: CatalogService) {}

  /** Public: the citizens' self-check needs to know which services the desk can apply for. */
  @Public()
  @Get('payment-services')
  paymentServices(): Promise<PaymentService[]> {
    return this.catalog.paymentServices();
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
    @Param('id', ParseIdPipe) id: number,
    @Body() body: UpdatePaymentServiceDto,
    @CurrentUser() user: UserAccount,
  ): Promise<PaymentServiceEntry> {
    return this.catalog.updatePaymentService(id, body, user);
  }

  @ApiBearerAuth()
  @Get('sites')
  listSites(): Promise<Site[]> {
    return this.catalog.sites();
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
    @Param('id', ParseIdPipe) id: number,
    @Body() body: UpdateSiteDto,
    @CurrentUser() user: UserAccount,
  ): Promise<Site> {
    return this.catalog.updateSite(id, body, user);
  }
}
